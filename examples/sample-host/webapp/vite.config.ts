import {defineConfig} from 'vite';

// The page is served by the sample host itself (from its jar); the Maven build passes --outDir.
// No React plugin: the build needs only Vite's own JSX transform (no fast refresh, nothing else to install).
export default defineConfig({
    base: '/',
    oxc: {jsx: {runtime: 'automatic'}},
    build: {
        assetsDir: 'assets',
        sourcemap: false,
        chunkSizeWarningLimit: 1024,
    },
    server: {
        // `npm run dev` against a host started on 8065 (demo.sh): the API and the WebSocket go to it.
        proxy: {
            '/api/v4/websocket': {target: 'ws://127.0.0.1:8065', ws: true},
            '/api': 'http://127.0.0.1:8065',
            '/plugins': 'http://127.0.0.1:8065',
        },
    },
});
