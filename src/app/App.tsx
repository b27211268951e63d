import { useEffect } from 'react';
import { BrowserRouter } from 'react-router';
import { AppRoutes } from './routes';
import { startServiceWorker } from './updates';

export function App() {
  useEffect(startServiceWorker, []);
  return (
    <BrowserRouter>
      <AppRoutes />
    </BrowserRouter>
  );
}
