import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.js';
import { bootstrapOnce } from './lib/bootstrap.js';
import './styles.css';

// The first data is on its way before React renders anything: the shell draws while it travels.
void bootstrapOnce();
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
