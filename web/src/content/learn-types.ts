import type { LearnTopicId } from '../routing/routes.js';

/**
 * The shape of an education page. The words live in content modules per language
 * (`content/en/learn/*.ts`): a translation is another folder of modules of these types, so a
 * translator works file by file and the compiler reports a missing page.
 */
export type CountryCode = 'US' | 'EU' | 'UK';

/** A link inside the app: to another education page or to a screen path. */
export type ContentLink = { readonly topic: LearnTopicId; readonly text: string } | { readonly path: `/${string}`; readonly text: string };

export type LearnBlock =
  | { readonly kind: 'paragraph'; readonly text: string }
  | { readonly kind: 'list'; readonly items: readonly string[] }
  | { readonly kind: 'steps'; readonly items: readonly string[] }
  /** A term and what it means for the reader, e.g. a side effect and what to do about it. */
  | { readonly kind: 'terms'; readonly items: readonly { readonly term: string; readonly text: string }[] }
  /** `urgent`: stop and get help; `important`: a rule to keep; `tip`: helpful, not essential. */
  | {
      readonly kind: 'callout';
      readonly tone: 'urgent' | 'important' | 'tip';
      readonly title: string;
      readonly text?: string;
      readonly items?: readonly string[];
    }
  /** Rules that differ by country, each entry marked with its country. */
  | { readonly kind: 'byCountry'; readonly entries: readonly { readonly country: CountryCode; readonly name: string; readonly items: readonly string[] }[] }
  /** The crisis pointers (emergency number, US 988, UK Samaritans), from the message catalogue. */
  | { readonly kind: 'crisisHelp' }
  | { readonly kind: 'links'; readonly links: readonly ContentLink[] };

export interface LearnSection {
  /** Stable anchor id, so pages can link to a section (`/learn/mood-and-help#get-help`). */
  readonly id: string;
  readonly heading: string;
  readonly blocks: readonly LearnBlock[];
}

export interface LearnTopic {
  readonly id: LearnTopicId;
  readonly title: string;
  /** One sentence for the list of pages. */
  readonly summary: string;
  readonly sections: readonly LearnSection[];
  /** Where the statements come from, in words a reader can look up. */
  readonly sources: readonly string[];
}
