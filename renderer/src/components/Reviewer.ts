import { createContext, useContext } from 'react';

/**
 * True when a partner reviewer is signed in (team mode): they read the protocols sent to them and
 * comment on their sections; answering, editing and signing off stay with the secretariat, so
 * those controls are not shown to them (the server would refuse them in any case).
 */
export const ReviewerContext = createContext(false);
export const useReviewer = () => useContext(ReviewerContext);

/** True in team mode: records can reach colleagues and partners through the server (a paper sent to its clearer). */
export const TeamModeContext = createContext(false);
export const useTeamMode = () => useContext(TeamModeContext);
