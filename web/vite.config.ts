import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The viewer runs the same pure core as the CLI (../src/model, rules, capacity, render/view).
export default defineConfig({
  root: import.meta.dirname,
  base: './',
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 4000, sourcemap: false },
  logLevel: 'warn',
});
