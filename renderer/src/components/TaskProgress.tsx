import { useState } from 'react';
import { Field, ProgressBar } from '@fluentui/react-components';
import { bridge } from '../bridge';

export type TaskStep = { label: string; done: number; total: number };

/**
 * A long task in main (a pack, a PDF, the website) reports its steps as task:progress events for
 * its task id; `track` runs the call with a fresh id and follows them until it returns.
 */
export const useTaskProgress = (prefix: string) => {
  const [progress, setProgress] = useState<TaskStep | null>(null);
  const track = async <T,>(waiting: string, call: (taskId: string) => Promise<T>): Promise<T> => {
    const taskId = `${prefix}-${crypto.randomUUID()}`;
    setProgress({ label: waiting, done: 0, total: 0 });
    const stop = bridge().on('task:progress', (p) => {
      if (p.taskId === taskId) setProgress({ label: p.label, done: p.done, total: p.total });
    });
    try {
      return await call(taskId);
    } finally {
      stop();
      setProgress(null);
    }
  };
  return { progress, busy: progress !== null, track };
};

/** The bar a long task shows, with its current step as text for everyone and screen readers. */
export const TaskProgress = ({ what, progress }: { what: string; progress: TaskStep | null }) =>
  progress && (
    <Field label={what} validationMessage={progress.label} validationState="none">
      <ProgressBar value={progress.total ? progress.done / progress.total : undefined} max={1} aria-label={`${what}: ${progress.label}`} />
    </Field>
  );
