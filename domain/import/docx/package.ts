import type JSZip from 'jszip';
import sax from 'sax';

/**
 * Reading the parts of a Word package (a ZIP of XML parts): streaming a part's XML through sax with
 * a size limit, resolving namespaces, and finding the main document and the parts it relates to.
 */

/** Transitional and Strict OOXML (Word's "Strict Open XML Document"). */
export const W_NAMESPACES = new Set(['http://schemas.openxmlformats.org/wordprocessingml/2006/main', 'http://purl.oclc.org/ooxml/wordprocessingml/main']);
export const MC_NAMESPACE = 'http://schemas.openxmlformats.org/markup-compatibility/2006';

/**
 * document.xml is inflated at most this far, so a ZIP bomb stops here. Word writes a few KB of XML
 * per table row: this holds appendices of over ten thousand rows.
 */
export const MAX_DOCUMENT_XML_BYTES = 64 * 1024 * 1024;
/** Package parts read only to find the main document (_rels/.rels, [Content_Types].xml). */
const MAX_SMALL_PART_BYTES = 1024 * 1024;

/** Documented (ZipObject#internalStream) but missing from JSZip's type declarations. */
type StreamingZipObject = JSZip.JSZipObject & { internalStream(type: 'uint8array'): JSZip.JSZipStreamHelper<Uint8Array> };

export class PartTooLargeError extends Error {}

/**
 * Stream a part's XML into `parser`, refusing to inflate more than `limit` bytes. Text is decoded as
 * the XML spec allows it to be stored: UTF-8, or UTF-16 with its byte order mark.
 */
export function streamPart(zip: JSZip, path: string, limit: number, parser: sax.SAXParser): Promise<boolean> {
  const file = zip.file(path) as StreamingZipObject | null;
  if (!file) return Promise.resolve(false);
  return new Promise((resolve, reject) => {
    let decoder: TextDecoder | undefined;
    let size = 0;
    let done = false;
    const stream = file.internalStream('uint8array');
    const stop = (err: unknown) => {
      if (done) return;
      done = true;
      stream.pause();
      reject(err);
    };
    stream
      .on('data', (chunk) => {
        if (done) return;
        size += chunk.byteLength;
        if (size > limit) return stop(new PartTooLargeError(path));
        try {
          if (!decoder) {
            const le = chunk[0] === 0xff && chunk[1] === 0xfe;
            const be = chunk[0] === 0xfe && chunk[1] === 0xff;
            decoder = new TextDecoder(le ? 'utf-16le' : be ? 'utf-16be' : 'utf-8');
          }
          parser.write(decoder.decode(chunk, { stream: true }));
        } catch (err) {
          stop(err);
        }
      })
      .on('error', stop)
      .on('end', () => {
        if (done) return;
        try {
          if (decoder) parser.write(decoder.decode());
          parser.close();
          done = true;
          resolve(true);
        } catch (err) {
          stop(err);
        }
      })
      .resume();
  });
}

/** A strict parser that throws on malformed XML and on a DTD (OOXML never has one). */
export function strictParser(): sax.SAXParser {
  const parser = sax.parser(true, { position: false });
  parser.onerror = (err) => {
    throw err;
  };
  parser.ondoctype = () => {
    throw new Error('DTD in an OOXML part');
  };
  return parser;
}

/**
 * Prefix → namespace URI, as the xmlns attributes in scope declare them. sax's own namespace mode
 * is six times slower on Word's XML, whose root declares some thirty namespaces.
 */
export class NamespaceScopes {
  private scopes: { depth: number; map: Map<string, string> }[] = [];
  private depth = 0;

  open(attributes: Record<string, string>): void {
    this.depth++;
    let map: Map<string, string> | undefined;
    for (const key in attributes) {
      if (key === 'xmlns') (map ??= new Map()).set('', attributes[key]!);
      else if (key.startsWith('xmlns:')) (map ??= new Map()).set(key.slice(6), attributes[key]!);
    }
    if (map) this.scopes.push({ depth: this.depth, map });
  }

  close(): void {
    if (this.scopes[this.scopes.length - 1]?.depth === this.depth) this.scopes.pop();
    this.depth--;
  }

  private uri(prefix: string): string {
    for (let i = this.scopes.length - 1; i >= 0; i--) {
      const uri = this.scopes[i]!.map.get(prefix);
      if (uri !== undefined) return uri;
    }
    return '';
  }

  /** An element's namespace and local name (an unprefixed one is in the default namespace). */
  element(qname: string): { uri: string; local: string } {
    const i = qname.indexOf(':');
    return i < 0 ? { uri: this.uri(''), local: qname } : { uri: this.uri(qname.slice(0, i)), local: qname.slice(i + 1) };
  }

  /** The value of the prefixed attribute `local` in one of `namespaces` (w:val). */
  attribute(attributes: Record<string, string>, local: string, namespaces: Set<string>): string | undefined {
    for (const key in attributes) {
      const i = key.indexOf(':');
      if (i > 0 && key.slice(i + 1) === local && namespaces.has(this.uri(key.slice(0, i)))) return attributes[key];
    }
    return undefined;
  }
}

interface PlainElement {
  local: string;
  attributes: Record<string, string>;
}

/** The elements of a small part, in order, with their attributes by local name. */
async function partElements(zip: JSZip, path: string): Promise<PlainElement[] | undefined> {
  const out: PlainElement[] = [];
  const parser = strictParser();
  const ns = new NamespaceScopes();
  parser.onopentag = (tag) => {
    const attributes = tag.attributes as Record<string, string>;
    ns.open(attributes);
    out.push({ local: ns.element(tag.name).local, attributes });
  };
  parser.onclosetag = () => ns.close();
  return (await streamPart(zip, path, MAX_SMALL_PART_BYTES, parser)) ? out : undefined;
}

/**
 * The main document part of a Word package ("word/document.xml" as Word writes it), found as the
 * package says (its officeDocument relationship and that part's content type); `undefined` for
 * any other ZIP, an XLSX among them.
 */
export async function wordDocumentPart(zip: JSZip): Promise<string | undefined> {
  try {
    const rels = await partElements(zip, '_rels/.rels');
    const main = rels?.find((r) => r.local === 'Relationship' && /\/officeDocument$/.test(r.attributes.Type ?? ''));
    const target = main?.attributes.Target?.replace(/^\//, '');
    if (target) {
      const types = await partElements(zip, '[Content_Types].xml');
      const type = types?.find((o) => o.local === 'Override' && o.attributes.PartName?.replace(/^\//, '') === target)?.attributes.ContentType;
      // .docx, .docm and .dotx all say "wordprocessingml" here; an XLSX says "spreadsheetml".
      if (type) return /wordprocessingml/.test(type) && zip.file(target) ? target : undefined;
    }
  } catch {
    // A broken package description: fall back to where Word keeps the document.
  }
  return zip.file('word/document.xml') ? 'word/document.xml' : undefined;
}

/** The part a relationship of the main document points to ("numbering" → word/numbering.xml). */
export async function relatedPart(zip: JSZip, main: string, type: string): Promise<string | undefined> {
  const dir = main.includes('/') ? main.slice(0, main.lastIndexOf('/') + 1) : '';
  const rels = await partElements(zip, `${dir}_rels/${main.slice(dir.length)}.rels`);
  const target = rels?.find((r) => r.local === 'Relationship' && r.attributes.Type?.endsWith(`/${type}`))?.attributes.Target;
  if (!target || /^[a-z]+:/i.test(target)) return undefined;
  // Targets are relative to the main part's folder, or absolute from the package root.
  const parts = (target.startsWith('/') ? target.slice(1) : dir + target).split('/');
  const path: string[] = [];
  for (const seg of parts) {
    if (seg === '..') path.pop();
    else if (seg && seg !== '.') path.push(seg);
  }
  return path.join('/');
}
