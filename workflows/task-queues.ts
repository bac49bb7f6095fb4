/** Task queues: one per worker pool, so media transcoding can never starve money movement. */
export const TASK_QUEUES = {
  core: 'core',
  media: 'media',
  finance: 'finance',
} as const
export type TaskQueue = (typeof TASK_QUEUES)[keyof typeof TASK_QUEUES]
