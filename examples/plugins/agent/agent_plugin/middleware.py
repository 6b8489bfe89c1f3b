"""The agent's own rules, as LangChain agent middleware:

- `ConsecutiveToolFailures`: after N tool results in a row are errors, stop and say why, instead of letting the
  model try again and again (each error is still shown to the model first, so it can recover before that);
- `ApprovalGate`: a tool whose policy is "ask" does not run; the turn ends with the call kept aside, to be run
  when the user who started the conversation approves it (see approvals.py).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from langchain.agents.middleware import AgentMiddleware, hook_config
from langchain_core.messages import AIMessage, HumanMessage, ToolMessage

from .settings import Policy


def _since_last_human(messages: list[Any]) -> list[Any]:
    for i in range(len(messages) - 1, -1, -1):
        if isinstance(messages[i], HumanMessage):
            return messages[i + 1:]
    return list(messages)


class ConsecutiveToolFailures(AgentMiddleware):
    def __init__(self, limit: int = 3) -> None:
        super().__init__()
        self.limit = limit

    @hook_config(can_jump_to=["end"])
    def before_model(self, state: Any, runtime: Any) -> dict[str, Any] | None:
        failures: list[ToolMessage] = []
        for message in reversed(_since_last_human(state["messages"])):
            if isinstance(message, ToolMessage):
                if message.status != "error":
                    break
                failures.append(message)
        if len(failures) < self.limit:
            return None
        details = "; ".join(f"{m.name}: {str(m.content)[:200]}" for m in reversed(failures))
        explanation = (f"I stopped: {len(failures)} tool calls failed in a row, so trying again is unlikely to help. "
                       f"What failed: {details}")
        return {"messages": [AIMessage(content=explanation)], "jump_to": "end"}

    async def abefore_model(self, state: Any, runtime: Any) -> dict[str, Any] | None:
        return self.before_model(state, runtime)


@dataclass
class Held:
    """The model's message whose tool calls wait for approval."""

    message: AIMessage
    ask: list[dict[str, Any]] = field(default_factory=list)  # the calls that need it


class ApprovalGate(AgentMiddleware):
    def __init__(self, policies: dict[str, Policy]) -> None:
        super().__init__()
        self.policies = policies
        self.held: Held | None = None

    @hook_config(can_jump_to=["end"])
    def after_model(self, state: Any, runtime: Any) -> dict[str, Any] | None:
        last = state["messages"][-1]
        if not isinstance(last, AIMessage) or not last.tool_calls:
            return None
        ask = [c for c in last.tool_calls if self.policies.get(c["name"]) == "ask"]
        if not ask:
            return None
        self.held = Held(last, ask)
        return {"jump_to": "end"}

    async def aafter_model(self, state: Any, runtime: Any) -> dict[str, Any] | None:
        return self.after_model(state, runtime)
