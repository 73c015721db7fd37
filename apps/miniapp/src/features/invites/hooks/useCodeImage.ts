import Taro from '@tarojs/taro';
import { useCallback, useEffect, useState } from 'react';
import { defaultEndpoint, graphqlClient } from '../../../graphql/client';
import { SessionPrivacyConsentDocument } from '../../../graphql/generated/graphql';
import { sessionStore } from '../../../platform/storage';
import { codeImagePlatform, codeImageUrl } from '../utils/code-image';

export type CodeImageState = { status: 'loading' } | { status: 'error' } | { status: 'ready'; src: string };

class CodeImageFailure extends Error {
  constructor(readonly status: number) {
    super(`code image: HTTP ${status}`);
  }
}

/** One authorised GET of the image: a temp file on the mini-programs, a blob URL on H5. */
async function download(url: string, accessToken: string): Promise<string> {
  const header = { Authorization: `Bearer ${accessToken}` };
  if (process.env.TARO_ENV === 'h5') {
    const response = await fetch(url, { headers: header });
    if (!response.ok) throw new CodeImageFailure(response.status);
    return URL.createObjectURL(await response.blob());
  }
  const result = await Taro.downloadFile({ url, header });
  if (result.statusCode !== 200) throw new CodeImageFailure(result.statusCode);
  return result.tempFilePath;
}

/**
 * Downloads the invite's code image with the sharer's access token. An access token that has
 * expired meanwhile (401) is renewed by running a small signed-in query through the GraphQL client
 * (which refreshes the session once), then the download is tried once more.
 */
export async function downloadCodeImage(inviteId: string): Promise<string> {
  const url = codeImageUrl(defaultEndpoint(), inviteId, codeImagePlatform());
  const token = sessionStore.load()?.accessToken;
  if (!token) throw new CodeImageFailure(401);
  try {
    return await download(url, token);
  } catch (error) {
    if (!(error instanceof CodeImageFailure) || error.status !== 401) throw error;
    await graphqlClient.execute(SessionPrivacyConsentDocument, {});
    const renewed = sessionStore.load()?.accessToken;
    if (!renewed || renewed === token) throw error;
    return download(url, renewed);
  }
}

/** The invite's code image, downloaded when `inviteId` is given; `retry` downloads it again. */
export function useCodeImage(inviteId: string | null): { state: CodeImageState; retry: () => void } {
  const [state, setState] = useState<CodeImageState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (!inviteId) return undefined;
    let current = true;
    let blobUrl: string | null = null;
    setState({ status: 'loading' });
    downloadCodeImage(inviteId)
      .then((src) => {
        if (process.env.TARO_ENV === 'h5') blobUrl = src;
        if (current) setState({ status: 'ready', src });
        else if (blobUrl) URL.revokeObjectURL(blobUrl);
      })
      .catch((error: unknown) => {
        console.warn('invites: code image failed', error);
        if (current) setState({ status: 'error' });
      });
    return () => {
      current = false;
      if (blobUrl) URL.revokeObjectURL(blobUrl);
    };
  }, [inviteId, attempt]);

  const retry = useCallback(() => setAttempt((value) => value + 1), []);
  return { state, retry };
}
