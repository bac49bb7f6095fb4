/**
 * The text half of the moderation endpoint. Today the platform's own weighted lexicon (deterministic, explainable,
 * see domain/moderation/text-classifier.ts); behind this type so a learned classifier can replace or join it.
 */
import { classifyText, type TextClassification } from '../../domain/moderation/text-classifier.ts'

export type TextModel = { classify(text: string): TextClassification }

export const lexiconTextModel: TextModel = { classify: classifyText }
