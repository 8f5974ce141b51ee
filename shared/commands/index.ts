import type { z } from 'zod';
import { addActionUpdate } from './actions';
import { setUpPartnership, updatePartnership } from './partnership';
import { loadExample } from '../example';
import { loadGenerated } from '../example/generate';
import { importPaper, recordPackBuild } from './packs';
import { addAgendaItem, moveAgendaItem, removeAgendaItem, setPart2, setStandingItems, updateAgendaItem, updateCoverSheet, updatePaperBody } from './agenda';
import { addDeclaration, removeAttendance, removeDeclaration, setAttendance } from './attendance';
import { createMeeting, draftMeetingAgenda, updateMeeting } from './meetings';
import { addResolution, approveMinutes, raiseAction, removeResolution, updateAction, updateMinutes, updateResolution } from './minutes';
import { approveTor, discardTorDraft, saveTorDraft } from './tor';
import { addProtocolComment, createProtocol, importReturnedComments, recordCirculation, respondToComment, saveProtocolDraft, signOffProtocol, startConsultation, updateProtocol } from './protocols';
import { raiseDeepDiveAction, saveDeepDive, saveForwardPlanItem, scheduleDeepDive, setDeepDiveStatus, setForwardPlanStatus } from './plan';
import type { CommandDef } from './context';

/** Every command that changes records, by name. The store runs only these. */
export const commands = {
  [setUpPartnership.name]: setUpPartnership,
  [updatePartnership.name]: updatePartnership,
  [loadExample.name]: loadExample,
  [loadGenerated.name]: loadGenerated,
  [addActionUpdate.name]: addActionUpdate,
  [recordPackBuild.name]: recordPackBuild,
  [importPaper.name]: importPaper,
  [updateCoverSheet.name]: updateCoverSheet,
  [setPart2.name]: setPart2,
  [addAgendaItem.name]: addAgendaItem,
  [updatePaperBody.name]: updatePaperBody,
  [setStandingItems.name]: setStandingItems,
  [updateAgendaItem.name]: updateAgendaItem,
  [moveAgendaItem.name]: moveAgendaItem,
  [removeAgendaItem.name]: removeAgendaItem,
  [createMeeting.name]: createMeeting,
  [updateMeeting.name]: updateMeeting,
  [draftMeetingAgenda.name]: draftMeetingAgenda,
  [setAttendance.name]: setAttendance,
  [removeAttendance.name]: removeAttendance,
  [addDeclaration.name]: addDeclaration,
  [removeDeclaration.name]: removeDeclaration,
  [updateMinutes.name]: updateMinutes,
  [addResolution.name]: addResolution,
  [updateResolution.name]: updateResolution,
  [removeResolution.name]: removeResolution,
  [raiseAction.name]: raiseAction,
  [updateAction.name]: updateAction,
  [approveMinutes.name]: approveMinutes,
  [saveTorDraft.name]: saveTorDraft,
  [approveTor.name]: approveTor,
  [discardTorDraft.name]: discardTorDraft,
  [createProtocol.name]: createProtocol,
  [updateProtocol.name]: updateProtocol,
  [saveProtocolDraft.name]: saveProtocolDraft,
  [startConsultation.name]: startConsultation,
  [addProtocolComment.name]: addProtocolComment,
  [respondToComment.name]: respondToComment,
  [signOffProtocol.name]: signOffProtocol,
  [recordCirculation.name]: recordCirculation,
  [importReturnedComments.name]: importReturnedComments,
  [saveDeepDive.name]: saveDeepDive,
  [scheduleDeepDive.name]: scheduleDeepDive,
  [setDeepDiveStatus.name]: setDeepDiveStatus,
  [raiseDeepDiveAction.name]: raiseDeepDiveAction,
  [saveForwardPlanItem.name]: saveForwardPlanItem,
  [setForwardPlanStatus.name]: setForwardPlanStatus,
} as Record<string, CommandDef<z.ZodType>>;

export { setUpPartnership, updatePartnership, loadExample, addActionUpdate, recordPackBuild, importPaper, updateCoverSheet, setPart2 };
export type { CommandContext, CommandDef, CommandResult, Change, JournalDraft } from './context';
