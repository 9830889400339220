import { fileURLToPath, URL } from 'node:url'
import vue from '@vitejs/plugin-vue'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  plugins: [vue()],
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  define: {
    __VUE_I18N_FULL_INSTALL__: true,
    __VUE_I18N_LEGACY_API__: false,
    __INTLIFY_PROD_DEVTOOLS__: false,
  },
  server: {
    proxy: {
      // The server to try the console against; STEWARD_URL as for the browser tests.
      '/api': { target: process.env.STEWARD_URL ?? 'http://127.0.0.1:8080', changeOrigin: true },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Element Plus is installed whole, as the admin console uses most of it.
    chunkSizeWarningLimit: 1200,
  },
  test: {
    include: ['src/**/*.spec.ts'],
    environment: 'node',
  },
})
