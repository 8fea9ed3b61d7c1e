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

/** The media types as the API spells them, with what to call several of them. */
export const MEDIA_TYPES = {
  movie: 'movies',
  series: 'series',
  season: 'seasons',
  episode: 'episodes',
  artist: 'artists',
  album: 'albums',
  track: 'tracks',
};
