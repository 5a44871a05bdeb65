// The documents frozen at approval, from a run's audit records: each evidence.generated record's payloadJson names
// them in details.documents (kind, file, sha256, bytes). Records whose payload does not parse are skipped.
export function frozenDocuments(records) {
  const found = [];
  for (const record of records ?? []) {
    if (record.kind !== 'evidence.generated') continue;
    let payload;
    try {
      payload = JSON.parse(record.payloadJson);
    } catch {
      continue;
    }

    const documents = payload?.details?.documents ?? payload?.documents ?? [];
    for (const document of documents) {
      if (typeof document?.sha256 === 'string' && /^[0-9a-fA-F]{64}$/.test(document.sha256)) {
        found.push({ ...document, at: record.at, sequence: record.sequence });
      }
    }
  }

  return found;
}
