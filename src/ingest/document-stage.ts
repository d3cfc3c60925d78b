import type { ReaderStage } from '../stage.js';
import { readDocumentInfo } from './document-metadata.js';

/**
 * Reader stage: the document's publication metadata. A published date found in the source's
 * metadata becomes the reference date when the caller gave none.
 */
export const documentStage: ReaderStage = {
  id: 'document',
  run: (record, context) => {
    const document = readDocumentInfo(record.source, context.referenceDate);
    const referenceDate =
      context.referenceDate ?? (document.publishedDateSource === 'metadata' ? document.publishedDate : null);
    return {
      document,
      referenceDate,
      ...(record.source.body !== undefined ? { body: record.source.body } : {}),
    };
  },
};
