"""The agent plugin's code; plugin.py holds only the hooks."""
