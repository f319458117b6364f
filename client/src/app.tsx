import { lazy, Suspense } from 'react';
import { HubProvider } from './api/hub-context';
import { LangProvider } from './i18n';
import { matchPath, useLocation } from './router';
import { Loading } from './ui/common';
import { Layout } from './ui/Layout';
import Home from './pages/Home';
import Login from './pages/Login';

// Each area is its own chunk: a witness downloads the room, not the console or the charts.
const WitnessRoom = lazy(() => import('./pages/witness/WitnessRoom'));
const PublicHome = lazy(() => import('./pages/public/PublicHome'));
const PublicDraw = lazy(() => import('./pages/public/PublicDraw'));
const Dashboard = lazy(() => import('./pages/dashboard/Dashboard'));
const Console = lazy(() => import('./pages/console/Console'));
const MyVisits = lazy(() => import('./pages/inspector/MyVisits'));

function Routes() {
  const { path, query } = useLocation();
  let params: Record<string, string> | null;
  if ((params = matchPath('/draws/:id/room', path))) return <WitnessRoom drawId={params.id} inviteToken={query.get('invite')} />;
  if ((params = matchPath('/public/draws/:id', path))) return <PublicDraw drawId={params.id} />;
  if (matchPath('/public', path)) return <PublicHome />;
  if (matchPath('/dashboard', path)) return <Dashboard />;
  if (matchPath('/console', path)) return <Console section={null} />;
  if ((params = matchPath('/console/:section', path))) return <Console section={params.section} />;
  if (matchPath('/inspector', path)) return <MyVisits />;
  if (matchPath('/login', path)) return <Login next={query.get('next') ?? undefined} />;
  return <Home />;
}

export function App() {
  return (
    <LangProvider>
      <HubProvider>
        <Layout>
          <Suspense fallback={<Loading />}>
            <Routes />
          </Suspense>
        </Layout>
      </HubProvider>
    </LangProvider>
  );
}
