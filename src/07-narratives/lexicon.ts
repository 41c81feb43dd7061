/**
 * Word lists the narratives stage reads. Data, not logic: each list says where its entries come
 * from. All entries are lower-case; single words are matched on Porter stems of the claim's words,
 * phrases on the lower-cased claim text.
 */

/**
 * Predicates that answer "who is behind it?" (responsibility, involvement, agency). Chosen from
 * the attribution-of-blame vocabulary of crisis reporting (the verbs of FrameNet's
 * Responsibility, Assistance and Intentionally_act frames), e.g. "ISIS-K claimed responsibility",
 * "the US, UK and Ukraine may all be linked", "prepared with the help of Ukrainian services".
 */
export const AGENCY_WORDS: readonly string[] = [
  'responsible', 'responsibility', 'behind', 'culprit', 'culprits', 'perpetrator', 'perpetrators',
  'mastermind', 'masterminds', 'masterminded', 'orchestrated', 'orchestrate', 'involved', 'involvement',
  'linked', 'carried', 'committed', 'helped', 'help', 'backed', 'sponsored', 'organised',
  'organized', 'ordered', 'staged', 'plotted', 'guilty', 'blame', 'blamed', 'attributed',
  'complicity', 'complicit', 'bears', 'assisted', 'facilitated', 'aided', 'funded', 'armed', 'trained',
];

/**
 * Words that make an answer exclusive, so any other answer contradicts it ("ISIS-K was the sole
 * culprit", "ISIS-K alone bears responsibility", "only Islamists could have done it").
 */
export const EXCLUSIVE_WORDS: readonly string[] = ['sole', 'solely', 'alone', 'only', 'exclusively', 'single-handedly'];

/**
 * Phrases that leave a question open, so they doubt any settled answer to it ("its true
 * mastermind is yet to be established", "the masterminds have not yet been identified").
 */
export const OPEN_QUESTION_PHRASES: readonly string[] = [
  'yet to be', 'not yet been', 'not yet', 'remains unclear', 'remain unclear', 'unclear who',
  'unknown who', 'still unknown', 'remains unknown', 'under investigation', 'all versions',
  'true mastermind', 'real mastermind', 'true masterminds', 'real masterminds', 'who ordered',
];

/**
 * Negators that reverse the polarity of a content ("he was not aware of any warnings", "there
 * was no indication that Ukraine had been involved"). From the NegEx trigger list (Chapman et al.
 * 2001), reduced to the forms common in news.
 */
export const NEGATORS: readonly string[] = [
  'not', "n't", 'no', 'zero', 'never', 'nothing', 'none', 'neither', 'nor', 'unaware', 'denied',
  'deny', 'denies', 'false', 'baseless', 'absurd', 'groundless', 'unfounded',
];

/**
 * Speech verbs that carry no content of their own: their lemma is left out of a claim's words
 * ("said", "told", "according to"), while content-bearing cues such as "warned", "blamed" or
 * "accused" are kept as words of the claim ("Iran warned Russia" is about a warning).
 */
export const EMPTY_CUES: readonly string[] = [
  'say', 'tell', 'state', 'report', 'according to', 'cite', 'add', 'note', 'write', 'quote',
  'explain', 'announce', 'comment', 'remark', 'respond', 'reply', 'continue', 'conclude', 'declare',
];

/**
 * Words too common in news to tell one proposition from another (a short English stop list,
 * after the SMART list of Salton 1971, cut to function words).
 */
export const STOPWORDS: readonly string[] = [
  'a', 'an', 'the', 'and', 'or', 'but', 'of', 'to', 'in', 'on', 'at', 'by', 'for', 'with', 'from',
  'as', 'that', 'this', 'these', 'those', 'it', 'its', 'is', 'was', 'were', 'be', 'been', 'being',
  'are', 'has', 'have', 'had', 'do', 'does', 'did', 'will', 'would', 'could', 'should', 'may',
  'might', 'can', 'he', 'she', 'they', 'we', 'i', 'you', 'his', 'her', 'their', 'our', 'my',
  'him', 'them', 'us', 'me', 'who', 'which', 'what', 'when', 'where', 'there', 'here', 'than',
  'then', 'so', 'if', 'about', 'into', 'over', 'after', 'before', 'all', 'any', 'some', 'also',
  'said', 'says', 'say', 'told', 'more', 'most', 'other', 'such', 'up', 'out', 'just', 'very',
];

/**
 * Words of doubt or denial inside a content: under a negator they cancel it ("we have no reason
 * to doubt the claim" asserts the claim).
 */
export const DOUBT_WORDS: readonly string[] = ['doubt', 'doubts', 'question', 'questions', 'dispute', 'deny', 'denies', 'reject', 'rejects'];
