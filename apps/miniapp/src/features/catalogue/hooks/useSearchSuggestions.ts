import { useEffect, useRef, useState } from 'react';
import { graphqlClient, type GraphQLClient } from '../../../graphql/client';
import { SearchSuggestionsDocument, type SearchSuggestionsQuery } from '../../../graphql/generated/graphql';

export type SearchSuggestion = SearchSuggestionsQuery['searchSuggestions'][number];

/** How long typing must pause before suggestions are asked for. */
export const SUGGESTION_DELAY_MS = 250;

/**
 * Completions of what is being typed (C2), asked for once typing pauses; an answer for text that has
 * changed since is dropped, and a failure just shows no suggestions (the search itself still works).
 */
export function useSearchSuggestions(
  text: string,
  {
    enabled = true,
    client = graphqlClient,
    delayMs = SUGGESTION_DELAY_MS,
  }: {
    enabled?: boolean;
    client?: GraphQLClient;
    delayMs?: number;
  } = {},
): SearchSuggestion[] {
  const [suggestions, setSuggestions] = useState<SearchSuggestion[]>([]);
  const latest = useRef(0);
  const prefix = text.trim();

  useEffect(() => {
    const request = ++latest.current;
    if (!enabled || !prefix) {
      setSuggestions([]);
      return;
    }
    const timer = setTimeout(() => {
      void client.execute(SearchSuggestionsDocument, { prefix }).then((result) => {
        if (request === latest.current) setSuggestions(result.data?.searchSuggestions ?? []);
      });
    }, delayMs);
    return () => clearTimeout(timer);
  }, [client, delayMs, enabled, prefix]);

  return suggestions;
}
