import { useDidShow } from '@tarojs/taro';
import { useCallback, useEffect, useRef, useState } from 'react';
import { graphqlClient } from '../../../graphql/client';
import {
  RecordReminderConsentDocument,
  ReminderSettingsDocument,
  type ReminderSettingsQuery,
  SetRemindersEnabledDocument,
} from '../../../graphql/generated/graphql';
import { useQuery } from '../../../hooks/useQuery';
import { requestSubscriptions, SUBSCRIPTION_MESSAGES, TEMPLATES_PER_DIALOG } from '../../../platform/subscribe';
import type { ResourceState } from '../../../hooks/resource-state';
import { subscribedToast, templatesToAsk } from '../utils/reminders';

export type ReminderSettings = ReminderSettingsQuery['reminderSettings'];

export interface ReminderSettingsState {
  /** The query's state (loading, error). */
  readonly state: ResourceState<ReminderSettingsQuery>;
  /** The settings, the newest of the query's and the last mutation's. */
  readonly settings: ReminderSettings | null;
  readonly busy: boolean;
  readonly reload: () => Promise<void>;
  /**
   * Call straight from the tap (nothing awaited before it): opens the platform's subscription dialog
   * with the templates fetched already, records what was accepted (and turns reminders on); on H5
   * turns the SMS reminders on. Resolves with what to tell the person.
   */
  readonly subscribe: () => Promise<string>;
  readonly setEnabled: (enabled: boolean) => Promise<string | null>;
}

/** The person's reminders (我的, the prompts): their switch, their templates, subscribing on a tap. */
export function useReminderSettings(): ReminderSettingsState {
  const { state, reload } = useQuery(ReminderSettingsDocument, {});
  const loaded = useRef(false);
  loaded.current = state.data !== null;
  // Back on the page (a tab page stays mounted): what changed elsewhere (the prompt, another page).
  useDidShow(() => {
    if (loaded.current) void reload();
  });
  const [latest, setLatest] = useState<ReminderSettings | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => setLatest(null), [state.data]);
  const settings = latest ?? state.data?.reminderSettings ?? null;

  const setEnabled = useCallback(async (enabled: boolean): Promise<string | null> => {
    setBusy(true);
    const { data, error } = await graphqlClient.execute(SetRemindersEnabledDocument, { enabled });
    setBusy(false);
    if (!data || error) return error?.message ?? '设置失败，请稍后重试';
    setLatest(data.setRemindersEnabled);
    return null;
  }, []);

  const subscribe = (): Promise<string> => {
    if (!SUBSCRIPTION_MESSAGES) {
      return setEnabled(true).then((error) => error ?? '已开启短信提醒');
    }
    const current = settings;
    const ids = current ? templatesToAsk(current.templates) : [];
    // The dialog opens here, synchronously within the tap.
    const answered = requestSubscriptions(ids);
    setBusy(true);
    return answered
      .then(async ({ accepted }) => {
        if (accepted.length === 0) return subscribedToast(0, ids.length);
        const recorded = await graphqlClient.execute(RecordReminderConsentDocument, { templateIds: [...accepted] });
        if (!recorded.data || recorded.error) return recorded.error?.message ?? '开启提醒失败，请稍后重试';
        let enabled = current?.enabled ?? true;
        if (!enabled) {
          const turnedOn = await graphqlClient.execute(SetRemindersEnabledDocument, { enabled: true });
          enabled = Boolean(turnedOn.data?.setRemindersEnabled.enabled);
        }
        setLatest({ enabled, templates: recorded.data.recordReminderConsent });
        return subscribedToast(accepted.length, Math.min(ids.length, TEMPLATES_PER_DIALOG));
      })
      .catch((error: unknown) => (error instanceof Error ? error.message : '开启提醒失败，请稍后重试'))
      .finally(() => setBusy(false));
  };

  return { state, settings, busy, reload, subscribe, setEnabled };
}
