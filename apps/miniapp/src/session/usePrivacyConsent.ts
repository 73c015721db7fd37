import Taro from '@tarojs/taro';
import { useCallback, useEffect, useRef, useState } from 'react';
import { graphqlClient } from '../graphql/client';
import { PrivacyPolicyDocument } from '../graphql/generated/graphql';
import { onPlatformPrivacyRequest, platformNeedsPrivacyAuthorization, type PrivacyAnswer } from '../platform/privacy';
import { loadPrivacyConsent } from '../platform/storage';
import { sessionService } from './session';

export interface PrivacySheetState {
  visible: boolean;
  /** The policy version shown and agreed to; null when it could not be loaded. */
  version: string | null;
  agree: () => void;
  decline: () => void;
}

export interface UsePrivacyConsent {
  sheet: PrivacySheetState;
  /**
   * Resolves true when the user has agreed to the current policy (and, on WeChat, the platform's
   * guideline), showing the consent sheet first when needed; `force` shows it anyway.
   */
  ensureConsent: (options?: { force?: boolean }) => Promise<boolean>;
}

async function currentPolicyVersion(): Promise<string | null> {
  const { data, error } = await graphqlClient.execute(PrivacyPolicyDocument, {});
  if (error) void Taro.showToast({ title: error.message, icon: 'none' });
  return data?.privacyPolicy.version ?? null;
}

/** The consent sheet of a page: asked before collecting a phone number, or when a platform asks. */
export function usePrivacyConsent(): UsePrivacyConsent {
  const [visible, setVisible] = useState(false);
  const [version, setVersion] = useState<string | null>(null);
  const waiting = useRef<PrivacyAnswer[]>([]);

  const ask = useCallback((policyVersion: string | null, answer: PrivacyAnswer): void => {
    waiting.current.push(answer);
    setVersion(policyVersion);
    setVisible(true);
  }, []);

  const settle = (agreed: boolean): void => {
    const answers = waiting.current;
    waiting.current = [];
    setVisible(false);
    answers.forEach((answer) => answer(agreed));
  };

  const agree = (): void => {
    if (version === null) {
      settle(true);
      return;
    }
    void sessionService.agreePrivacyPolicy(version).then((error) => {
      if (error) void Taro.showToast({ title: error.message, icon: 'none' });
      settle(true);
    });
  };

  const ensureConsent = useCallback(
    async ({ force = false }: { force?: boolean } = {}): Promise<boolean> => {
      const policyVersion = await currentPolicyVersion();
      if (policyVersion === null) return false;
      const agreedHere = loadPrivacyConsent()?.version === policyVersion;
      if (!force && agreedHere && !(await platformNeedsPrivacyAuthorization())) return true;
      return new Promise<boolean>((resolve) => ask(policyVersion, resolve));
    },
    [ask],
  );

  // WeChat: a privacy-related API waits for consent; show the sheet and answer it.
  useEffect(
    () =>
      onPlatformPrivacyRequest((answer) => {
        void currentPolicyVersion().then((policyVersion) => ask(policyVersion, answer));
      }),
    [ask],
  );

  return { sheet: { visible, version, agree, decline: () => settle(false) }, ensureConsent };
}
