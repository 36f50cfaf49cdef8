import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.js';
import { bootstrapOnce, SHELL_AFTER_MS } from './lib/bootstrap.js';
import './styles.css';

// The first data is on its way before React renders anything. A quick answer goes into the first
// render (one render, the window complete); a slow one finds the shell drawn, with placeholders.
await Promise.race([bootstrapOnce(), new Promise((resolve) => setTimeout(resolve, SHELL_AFTER_MS))]);
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
