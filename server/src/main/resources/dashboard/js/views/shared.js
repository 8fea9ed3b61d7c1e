// Small pieces several views show.

/** Who a run or schedule is for: a user's name, or "system". */
export function userName(view, userId) {
  if (userId === null || userId === undefined) {
    return 'system';
  }
  if (userId === view.me.id) {
    return `${view.me.name} (you)`;
  }
  return view.users.get(userId) || `user ${userId}`;
}

/** Whether the signed-in user may change a schedule (the API refuses otherwise). */
export function canChangeSchedule(view, schedule) {
  return view.isAdmin || (schedule.userId !== null && schedule.userId === view.me.id);
}

/** Whether the signed-in user may start a job by hand. */
export function canRunJob(view, job) {
  return view.isAdmin || job.type !== 'system';
}
