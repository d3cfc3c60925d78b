import type { ReaderStage } from '../stage.js';
import { readDocumentInfo } from './document-metadata.js';

/**
 * Reader stage: the document's publication metadata. A published date found in the source's
 * metadata or in the text ("Published on 13 March 2024") becomes the reference date when the
 * caller gave none.
 */
export const documentStage: ReaderStage = {
  id: 'document',
  run: (record, context) => {
    const document = readDocumentInfo(record.source, context.referenceDate);
    const found = document.publishedDateSource === 'metadata' || document.publishedDateSource === 'text';
    const referenceDate = context.referenceDate ?? (found ? document.publishedDate : null);
    return {
      document,
      referenceDate,
      ...(record.source.body !== undefined ? { body: record.source.body } : {}),
    };
  },
};
