/**
 * Writes items and tests as an IMS content package (zip): `imsmanifest.xml`, `items/*.xml`,
 * `tests/*.xml` and media stored once by content hash (`media/<sha256>.<ext>`), as QTI 3.0 or
 * QTI 2.2. Every document is built as a tree and serialised by the XML writer.
 */
import path from 'node:path';
import yazl from 'yazl';
import type { AssessmentTest } from '../model/test.ts';
import { writeItemXml, type ExportVersion, type WritableItem } from '../qti/write-item.ts';
import { writeTestXml } from '../qti/write-test.ts';
import { serialiseXml, type OutElement } from '../qti/xml-writer.ts';
import { sha256Hex, type MediaFile } from '../storage/item-store.ts';

export interface PackageItemInput {
  item: WritableItem;
  /** The files the item refers to, under the href the item uses. */
  media?: MediaFile[];
}

export interface PackageTestInput {
  test: AssessmentTest;
  /** itemRef identifier -> identifier of the exported item it points to (default: an item with the ref's identifier). */
  itemRefs?: Record<string, string>;
}

export interface WritePackageOptions {
  version?: ExportVersion;
  /** Manifest identifier. */
  identifier?: string;
  /** Told, per file, of everything the target schema made the writers drop or rename. */
  onAdjust?(file: string, note: string): void;
}

/**
 * The manifest of each version, as its content-packaging profile has it: QTI 3.0's own CP 1.2
 * profile, and for 2.2 the IMS CP 1.2 profile for QTI 2.2, whose metadata must say
 * "QTIv2.2 Package" / "1.0.0".
 */
const MANIFEST: Record<
  ExportVersion,
  {
    namespace: string;
    schemaLocation: string;
    item: string;
    test: string;
    schema: string;
    schemaVersion: string;
  }
> = {
  '3.0': {
    namespace: 'http://www.imsglobal.org/xsd/qti/qtiv3p0/imscp_v1p1',
    schemaLocation:
      'http://www.imsglobal.org/xsd/qti/qtiv3p0/imscp_v1p1 https://purl.imsglobal.org/spec/qti/v3p0/schema/xsd/imsqtiv3p0_imscpv1p2_v1p0.xsd',
    item: 'imsqti_item_xmlv3p0',
    test: 'imsqti_test_xmlv3p0',
    schema: 'QTI Package',
    schemaVersion: '3.0.0',
  },
  '2.2': {
    namespace: 'http://www.imsglobal.org/xsd/imscp_v1p1',
    schemaLocation:
      'http://www.imsglobal.org/xsd/imscp_v1p1 http://www.imsglobal.org/xsd/qti/qtiv2p2/qtiv2p2_imscpv1p2_v1p0.xsd',
    item: 'imsqti_item_xmlv2p2',
    test: 'imsqti_test_xmlv2p2',
    schema: 'QTIv2.2 Package',
    schemaVersion: '1.0.0',
  },
};

const EXTENSIONS: Record<string, string> = {
  'image/png': '.png',
  'image/jpeg': '.jpg',
  'image/gif': '.gif',
  'image/svg+xml': '.svg',
  'image/webp': '.webp',
  'audio/mpeg': '.mp3',
  'audio/ogg': '.ogg',
  'audio/wav': '.wav',
  'video/mp4': '.mp4',
  'video/webm': '.webm',
  'text/css': '.css',
  'application/pdf': '.pdf',
};

/** A file name from an identifier: safe characters only, unique within the package. */
function fileNamer() {
  const used = new Set<string>();
  return (identifier: string) => {
    const base = identifier.replace(/[^A-Za-z0-9._-]/g, '_').replace(/^\.+/, '_') || 'item';
    let name = base;
    for (let n = 2; used.has(name.toLowerCase()); n++) name = `${base}-${n}`;
    used.add(name.toLowerCase());
    return name;
  };
}

const resource = (
  identifier: string,
  type: string,
  href: string,
  dependencies: string[] = [],
): OutElement => ({
  name: 'resource',
  attributes: [
    ['identifier', identifier],
    ['type', type],
    ['href', href],
  ],
  children: [
    { name: 'file', attributes: [['href', href]] },
    ...[...new Set(dependencies)].map((d): OutElement => ({
      name: 'dependency',
      attributes: [['identifierref', d]],
    })),
  ],
});

/** Builds the package; resolves with the zip's bytes. */
export async function writePackage(
  contents: { items: PackageItemInput[]; tests?: PackageTestInput[] },
  options: WritePackageOptions = {},
): Promise<Buffer> {
  const version = options.version ?? '3.0';
  const kind = MANIFEST[version];
  const zip = new yazl.ZipFile();
  const mtime = new Date('2026-01-01T00:00:00Z');
  const add = (name: string, data: string | Uint8Array) =>
    zip.addBuffer(Buffer.from(data), name, { mtime, compress: true });
  const resources: OutElement[] = [];
  const mediaResources = new Map<string, OutElement>();
  const itemResource = new Map<string, { id: string; file: string }>();
  const itemName = fileNamer();

  for (const { item, media = [] } of contents.items) {
    const file = `items/${itemName(item.identifier)}.xml`;
    const hrefs = new Map<string, string>();
    const dependencies: string[] = [];
    for (const m of media) {
      const sha = sha256Hex(m.data);
      const ext =
        EXTENSIONS[m.contentType] ??
        path.posix
          .extname(m.href)
          .toLowerCase()
          .replace(/[^.a-z0-9]/g, '');
      const mediaFile = `media/${sha}${ext}`;
      const id = `M-${sha}`;
      if (!mediaResources.has(id)) {
        add(mediaFile, m.data);
        mediaResources.set(id, resource(id, 'webcontent', mediaFile));
      }
      hrefs.set(m.href, `../${mediaFile}`);
      dependencies.push(id);
    }
    add(
      file,
      writeItemXml(item, {
        version,
        mediaHref: (href) => hrefs.get(href) ?? href,
        onAdjust: (note) => options.onAdjust?.(file, note),
      }),
    );
    const id = `I-${path.posix.basename(file, '.xml')}`;
    itemResource.set(item.identifier, { id, file });
    resources.push(resource(id, kind.item, file, dependencies));
  }

  const testName = fileNamer();
  for (const { test, itemRefs = {} } of contents.tests ?? []) {
    const file = `tests/${testName(test.identifier)}.xml`;
    const dependencies: string[] = [];
    const xml = writeTestXml(test, {
      version,
      onAdjust: (note) => options.onAdjust?.(file, note),
      itemHref: (ref, href) => {
        const target = itemResource.get(itemRefs[ref] ?? ref);
        if (!target) return href;
        dependencies.push(target.id);
        return `../${target.file}`;
      },
    });
    add(file, xml);
    resources.push(resource(`T-${path.posix.basename(file, '.xml')}`, kind.test, file, dependencies));
  }

  const manifest: OutElement = {
    name: 'manifest',
    namespace: kind.namespace,
    attributes: [
      ['identifier', options.identifier ?? 'MANIFEST-exam-engine'],
      ['xmlns:xsi', 'http://www.w3.org/2001/XMLSchema-instance'],
      ['xsi:schemaLocation', kind.schemaLocation],
    ],
    children: [
      {
        name: 'metadata',
        children: [
          { name: 'schema', children: [kind.schema] },
          { name: 'schemaversion', children: [kind.schemaVersion] },
        ],
      },
      { name: 'organizations' },
      { name: 'resources', children: [...resources, ...mediaResources.values()] },
    ],
  };
  add('imsmanifest.xml', serialiseXml(manifest));
  zip.end();
  const chunks: Buffer[] = [];
  return new Promise((resolve, reject) => {
    zip.outputStream.on('data', (c: Buffer) => chunks.push(c));
    zip.outputStream.on('error', reject);
    zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
  });
}
