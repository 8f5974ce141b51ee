import { lazy, Suspense, useEffect, useState } from 'react';
import {
  FluentProvider,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  NavDrawer,
  NavDrawerBody,
  NavDrawerHeader,
  NavItem,
  Spinner,
  Button,
  Text,
  makeStyles,
  tokens,
  webLightTheme,
} from '@fluentui/react-components';
import { PeopleTeam24Regular, People24Regular, Board24Regular, CalendarArrowRight24Regular, CalendarLtr24Regular, Search24Regular, DocumentBulletList24Regular, DocumentQueue24Regular, DocumentText24Regular, Handshake24Regular, Settings24Regular, TaskListLtr24Regular, Timer24Regular, Mail24Regular, DataBarHorizontal24Regular } from '@fluentui/react-icons';
import { useQuery } from './bridge';
import { FirstRun } from './screens/FirstRun';
import { Recovery } from './screens/Recovery';
import { Dashboard } from './screens/Dashboard';
import { ErrorBoundary, lazyScreen } from './components/ErrorBoundary';
import { NavigateContext } from './components/FirstDo';
import { UndoBar } from './components/UndoBar';
import { TeamSignIn } from './screens/team/TeamSignIn';
import { SyncBadge } from './screens/team/SyncBadge';
import { ReviewerContext, TeamModeContext } from './components/Reviewer';

// The first screen (the dashboard) is in the main bundle; every other area loads when first opened,
// so the window appears quickly however many screens Quorum grows (issue: initial JS ≤ 1 MB).
const Settings = lazyScreen(() => import('./screens/Settings').then((m) => m.Settings));
const PackScreen = lazyScreen(() => import('./screens/pack/PackScreen').then((m) => m.PackScreen));
const MeetingsScreen = lazyScreen(() => import('./screens/meetings/MeetingsScreen').then((m) => m.MeetingsScreen));
const PapersScreen = lazyScreen(() => import('./screens/PapersScreen').then((m) => m.PapersScreen));
const ActionsScreen = lazyScreen(() => import('./screens/ActionsScreen').then((m) => m.ActionsScreen));
const TorScreen = lazyScreen(() => import('./screens/governance/TorScreen').then((m) => m.TorScreen));
const PlannerScreen = lazyScreen(() => import('./screens/plan/PlannerScreen').then((m) => m.PlannerScreen));
const ForwardPlanScreen = lazyScreen(() => import('./screens/plan/ForwardPlanScreen').then((m) => m.ForwardPlanScreen));
const PeopleScreen = lazyScreen(() => import('./screens/PeopleScreen').then((m) => m.PeopleScreen));
const ProtocolsScreen = lazyScreen(() => import('./screens/governance/ProtocolsScreen').then((m) => m.ProtocolsScreen));
const ToClearScreen = lazyScreen(() => import('./screens/clocks/ToClearScreen').then((m) => m.ToClearScreen));
const ResolutionsScreen = lazyScreen(() => import('./screens/clocks/ResolutionsScreen').then((m) => m.ResolutionsScreen));
const OutboxScreen = lazyScreen(() => import('./screens/OutboxScreen').then((m) => m.OutboxScreen));
const ClocksScreen = lazyScreen(() => import('./screens/clocks/ClocksScreen').then((m) => m.ClocksScreen));
const ReportsScreen = lazyScreen(() => import('./screens/reports/ReportsScreen').then((m) => m.ReportsScreen));
const SearchDialog = lazy(() => import('./components/search/SearchDialog').then((m) => ({ default: m.SearchDialog })));
const TeamScreen = lazyScreen(() => import('./screens/team/TeamScreen').then((m) => m.TeamScreen));
const SCREENS = [MeetingsScreen, ClocksScreen, OutboxScreen, ActionsScreen, PapersScreen, PackScreen, ForwardPlanScreen, PlannerScreen, ReportsScreen, PeopleScreen, TorScreen, ProtocolsScreen, Settings];
import type { Destination, MeetingTab, PeopleTab } from './navigation';

const useStyles = makeStyles({
  shell: { display: 'flex', height: '100vh', backgroundColor: tokens.colorNeutralBackground2 },
  main: { flex: 1, overflowY: 'auto', padding: '24px 32px' },
  brand: { display: 'block', paddingTop: '12px', fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase500, color: tokens.colorNeutralForeground1 },
  centre: { padding: '48px' },
  count: { fontWeight: tokens.fontWeightSemibold },
  header: { display: 'flex', justifyContent: 'flex-end', marginTop: '-12px', marginBottom: '4px' },
  keys: { color: tokens.colorNeutralForeground3, marginLeft: '8px', fontSize: tokens.fontSizeBase200 },
});

/** The areas built so far; an area joins the navigation only when its screen exists. */
const AREAS = [
  { value: 'dashboard', label: 'Dashboard', icon: <Board24Regular /> },
  { value: 'meetings', label: 'Meetings', icon: <CalendarLtr24Regular /> },
  { value: 'papers', label: 'Papers', icon: <DocumentQueue24Regular /> },
  { value: 'outbox', label: 'Outbox', icon: <Mail24Regular /> },
  { value: 'actions', label: 'Actions', icon: <TaskListLtr24Regular /> },
  { value: 'clocks', label: 'Statutory clocks', icon: <Timer24Regular /> },
  { value: 'planner', label: 'Deep dives', icon: <Search24Regular /> },
  { value: 'forward', label: 'Forward plan', icon: <CalendarArrowRight24Regular /> },
  { value: 'pack', label: 'Board pack', icon: <DocumentBulletList24Regular /> },
  { value: 'reports', label: 'Reports and registers', icon: <DataBarHorizontal24Regular /> },
  { value: 'tor', label: 'Terms of reference', icon: <DocumentText24Regular /> },
  { value: 'protocols', label: 'Protocols', icon: <Handshake24Regular /> },
  { value: 'resolutions', label: 'Written resolutions', icon: <Timer24Regular /> },
  { value: 'toclear', label: 'Papers to clear', icon: <DocumentQueue24Regular /> },
  { value: 'people', label: 'People and boards', icon: <People24Regular /> },
  { value: 'team', label: 'Team', icon: <PeopleTeam24Regular /> },
  { value: 'settings', label: 'Settings', icon: <Settings24Regular /> },
] as const;
/** A partner reviewer signs in to see the protocols, written resolutions and papers sent to them, and nothing else (team mode). */
const PARTNER_AREAS: readonly AreaValue[] = ['protocols', 'resolutions', 'toclear', 'team'];
type AreaValue = (typeof AREAS)[number]['value'];

export const App = () => (
  <FluentProvider theme={webLightTheme}>
    <ErrorBoundary what="Quorum">
      <Root />
    </ErrorBoundary>
  </FluentProvider>
);

const Root = () => {
  const styles = useStyles();
  const { state } = useQuery('store:status', {});
  const [area, setArea] = useState<AreaValue>('dashboard');
  /** A meeting another screen asked to open (Papers → Open meeting, a pre-flight fix). */
  // `visit` counts the requests, so asking again for the same meeting still remounts the screen at it.
  const [opening, setOpening] = useState<{ meetingId?: string; tab?: MeetingTab; visit: number } | null>(null);
  const [peopleTab, setPeopleTab] = useState<{ tab: PeopleTab; visit: number }>({ tab: 'people', visit: 0 });
  const [searching, setSearching] = useState(false);
  // Ctrl+K (⌘K on a Mac) opens the search from anywhere.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 'k') {
        e.preventDefault();
        setSearching(true);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  const go = (to: Destination) => {
    if (to.area === 'people') setPeopleTab((p) => ({ tab: to.tab ?? 'people', visit: p.visit + 1 }));
    if (to.area === 'meetings') setOpening((o) => ({ meetingId: to.meetingId, tab: to.tab, visit: (o?.visit ?? 0) + 1 }));
    setArea(to.area);
  };

  // Once the first screen has had time to show its data and the window is idle, fetch the other
  // screens' code, so opening one waits only for its data (bench: Actions and Meetings at forty
  // years, click to first row). Not sooner: parsing that code would hold up the first screen.
  const ready = state.status === 'ready' && state.value.state === 'ready';
  useEffect(() => {
    if (!ready) return;
    let idle: number | undefined;
    const later = setTimeout(() => (idle = requestIdleCallback(() => SCREENS.forEach((screen) => screen.preload()), { timeout: 3000 })), 1500);
    return () => {
      clearTimeout(later);
      if (idle !== undefined) cancelIdleCallback(idle);
    };
  }, [ready]);

  if (state.status === 'loading')
    return (
      <div className={styles.centre}>
        <Spinner label="Opening your data…" />
      </div>
    );
  if (state.status === 'error')
    return (
      <main className={styles.centre}>
        <MessageBar intent="error">
          <MessageBarBody>
            <MessageBarTitle>Quorum cannot open its data</MessageBarTitle>
            {state.error.message}
          </MessageBarBody>
        </MessageBar>
      </main>
    );
  const status = state.value;
  if (status.team && !status.team.signedIn) return <TeamSignIn team={status.team} />;
  if (status.state === 'recovery-needed') return <Recovery status={status} />;
  if (status.state === 'empty') return <FirstRun dataDir={status.dataDir} />;
  const team = status.team;
  const partnerOnly = Boolean(team && !team.roles.includes('secretariat'));
  // Written resolutions and papers to clear are a partner reviewer's own screens; officers take them on Statutory clocks and Papers.
  const areas = AREAS.filter((a) => (a.value === 'team' ? Boolean(team) : a.value === 'resolutions' || a.value === 'toclear' ? partnerOnly : !partnerOnly || PARTNER_AREAS.includes(a.value)));
  const shown: AreaValue = areas.some((a) => a.value === area) ? area : areas[0].value;

  return (
    <div className={styles.shell}>
      <NavDrawer open type="inline" selectedValue={shown} onNavItemSelect={(_e, d) => setArea(d.value as AreaValue)} aria-label="Quorum areas">
        <NavDrawerHeader>
          <Text as="span" className={styles.brand}>
            Quorum
          </Text>
          {team && <SyncBadge team={team} />}
        </NavDrawerHeader>
        <NavDrawerBody>
          {areas.map((a) => (
            <NavItem key={a.value} value={a.value} icon={a.icon}>
              {a.label}
              {a.value === 'team' && team && team.decisions + team.notApplied > 0 && (
                <Text as="span" className={styles.count} aria-label={`${team.decisions + team.notApplied} waiting for you`}>
                  {' '}({team.decisions + team.notApplied})
                </Text>
              )}
            </NavItem>
          ))}
        </NavDrawerBody>
      </NavDrawer>
      {/* Focusable so keyboard users can scroll it (axe: scrollable-region-focusable). */}
      <main className={styles.main} tabIndex={0}>
        <div className={styles.header}>
          <Button appearance="subtle" icon={<Search24Regular />} onClick={() => setSearching(true)} aria-keyshortcuts="Control+K Meta+K">
            Search… <span className={styles.keys}>Ctrl+K</span>
          </Button>
        </div>
        {searching && (
          <Suspense fallback={<Spinner label="Opening the search…" />}>
            <SearchDialog
              onClose={() => setSearching(false)}
              onOpen={(to) => {
                setSearching(false);
                go(to);
              }}
            />
          </Suspense>
        )}
        <UndoBar key={shown} undo={status.undo} />
        {status.notices.map((n) => (
          <MessageBar key={n} intent="info">
            <MessageBarBody>{n}</MessageBarBody>
          </MessageBar>
        ))}
        {!status.journal.ok && (
          <MessageBar intent="warning">
            <MessageBarBody>
              <MessageBarTitle>The audit journal failed its check</MessageBarTitle>
              {status.journal.problem} Your records are unaffected; see Settings, Audit journal.
            </MessageBarBody>
          </MessageBar>
        )}
        <ReviewerContext.Provider value={partnerOnly}>
        <TeamModeContext.Provider value={Boolean(team)}>
        <NavigateContext.Provider value={go}>
        <ErrorBoundary key={shown} what={`The ${AREAS.find((a) => a.value === shown)?.label ?? ''} screen`}>
        <Suspense fallback={<Spinner label="Opening…" />}>
        {shown === 'dashboard' && <Dashboard onNavigate={go} />}
        {shown === 'meetings' && <MeetingsScreen key={opening?.visit ?? 0} openMeetingId={opening?.meetingId} openTab={opening?.tab} />}
        {shown === 'papers' && (
          <PapersScreen onOpenMeeting={(meetingId) => go({ area: 'meetings', meetingId, tab: 'agenda' })} />
        )}
        {shown === 'actions' && <ActionsScreen />}
        {shown === 'clocks' && <ClocksScreen />}
        {shown === 'outbox' && <OutboxScreen />}
        {shown === 'resolutions' && <ResolutionsScreen personId={team?.personId} />}
        {shown === 'toclear' && <ToClearScreen personId={team?.personId} />}
        {shown === 'pack' && <PackScreen onNavigate={go} />}
        {shown === 'planner' && <PlannerScreen />}
        {shown === 'reports' && <ReportsScreen />}
        {shown === 'forward' && <ForwardPlanScreen />}
        {shown === 'tor' && <TorScreen />}
        {shown === 'protocols' && <ProtocolsScreen />}
        {shown === 'people' && <PeopleScreen key={peopleTab.visit} tab={peopleTab.tab} />}
        {shown === 'settings' && <Settings />}
        {shown === 'team' && team && <TeamScreen team={team} />}
        </Suspense>
        </ErrorBoundary>
        </NavigateContext.Provider>
        </TeamModeContext.Provider>
        </ReviewerContext.Provider>
      </main>
    </div>
  );
};
