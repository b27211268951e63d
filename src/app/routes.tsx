import { lazy, type ReactNode } from 'react';
import { Route, Routes } from 'react-router';
import { HomePage } from './HomePage';
import { Layout } from './Layout';
import { NotFoundPage } from './NotFoundPage';

// Every page but home is loaded on demand, so the JavaScript needed for `/` stays small.
// (Declarative routes rather than a data router: the data router alone costs ~25 KB gzip.)
const QuizPage = lazy(() => import('./pages/quiz'));
const FlashcardsPage = lazy(() => import('./pages/flashcards'));
const ProgressPage = lazy(() => import('./pages/progress'));
const TeamPage = lazy(() => import('./pages/team'));
const TeamHostPage = lazy(() => import('./pages/team-host'));
const JoinPage = lazy(() => import('./pages/join'));
const BanksPage = lazy(() => import('./pages/banks'));

/** The app's route tree. Tests may pass extra pages (for example one that throws). */
export function AppRoutes({ extraPages }: { extraPages?: ReactNode }) {
  return (
    <Routes>
      <Route element={<Layout />}>
        {extraPages}
        <Route index element={<HomePage />} />
        <Route path="quiz" element={<QuizPage />} />
        <Route path="flashcards" element={<FlashcardsPage />} />
        <Route path="progress" element={<ProgressPage />} />
        <Route path="team" element={<TeamPage />} />
        <Route path="team/host/:code" element={<TeamHostPage />} />
        <Route path="join/:code" element={<JoinPage />} />
        <Route path="banks" element={<BanksPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
