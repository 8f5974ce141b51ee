import { noInput } from '../schema/common';
import { query } from '../kernel/operation';
import { buildDashboard } from '../rules/dashboard';

/** Per board: next meeting, paper deadline, papers outstanding, actions, deep dives, reviews due. */
export const getDashboard = query({
  name: 'dashboard:get',
  input: noInput,
  reads: 'all',
  view: (data, _input, env) => buildDashboard(data, env.today, env.holidays),
});
