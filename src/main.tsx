import { StrictMode } from 'react';
import { createRoot, hydrateRoot } from 'react-dom/client';
import { App } from './app/App';
import './app/styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
const app = (
  <StrictMode>
    <App />
  </StrictMode>
);
// The server sends each route its first screen, prerendered at build (scripts/build/prerender.ts)
// and marked with its path. Hydrate it on that path; any other shell (a path with none of its own,
// the offline fallback) is replaced by a clean render.
if (root.dataset.route === window.location.pathname) hydrateRoot(root, app);
else createRoot(root).render(app);
