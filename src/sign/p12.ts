import type { webcrypto } from 'node:crypto';
import forge from 'node-forge';
import { SigningError } from './errors.js';

/**
 * Opening a PKCS#12 (.p12/.pfx) file: the signer's private key and certificate, and the other
 * certificates it carries (the issuing CAs), which go into the signature so a verifier can build
 * the chain.
 *
 * node-forge reads both what OpenSSL 3 writes by default (AES-256 with PBKDF2, SHA-256 MAC) and
 * the older form (3DES, SHA-1 MAC; `openssl pkcs12 -legacy`, Windows' export). Its key derivation
 * is plain JavaScript and costs a few hundred milliseconds per file, so an opened file is kept
 * (see openP12): a batch signed with one certificate opens it once.
 */

export interface SigningIdentity {
  /** The private key, ready for WebCrypto (RSASSA-PKCS1-v1_5 with SHA-256). */
  key: webcrypto.CryptoKey;
  /** DER of the signer's certificate. */
  certificate: Uint8Array;
  /** DER of the other certificates in the file (issuing CAs), in the file's order. */
  chain: Uint8Array[];
}

const notOpened = (reason: string, reasonVi: string, cause?: unknown) =>
  new SigningError(`sign.p12: the certificate file cannot be opened: ${reason}`, `sign.p12: không mở được tệp chứng thư số: ${reasonVi}`, { cause });

/** Opened files by a digest of their bytes and passphrase; a few at most, the oldest dropped first. */
const opened = new Map<string, Promise<SigningIdentity>>();
const MAX_OPENED = 4;

export function openP12(p12: Uint8Array, passphrase: string): Promise<SigningIdentity> {
  const digest = forge.md.sha256.create();
  digest.update(Buffer.from(p12).toString('binary'));
  digest.update('\u0000');
  digest.update(passphrase, 'utf8');
  const key = digest.digest().toHex();
  let identity = opened.get(key);
  if (identity === undefined) {
    identity = readP12(p12, passphrase);
    const pending = identity;
    // a file that fails is not kept: the next attempt gets the error itself
    pending.catch(() => {
      if (opened.get(key) === pending) opened.delete(key);
    });
    opened.set(key, identity);
    if (opened.size > MAX_OPENED) opened.delete(opened.keys().next().value as string);
  }
  return identity;
}

async function readP12(p12: Uint8Array, passphrase: string): Promise<SigningIdentity> {
  let container: forge.pkcs12.Pkcs12Pfx;
  try {
    container = parseP12(p12, passphrase);
  } catch (error) {
    const message = (error as Error).message ?? '';
    if (/MAC could not be verified|Invalid password/i.test(message)) {
      throw notOpened(
        'the passphrase is wrong (set it in the environment variable KET_LUAN_P12_PASSPHRASE)',
        'sai mật khẩu (đặt mật khẩu trong biến môi trường KET_LUAN_P12_PASSPHRASE)',
        error,
      );
    }
    throw notOpened(
      `it is not a PKCS#12 file this library can read (${message})`,
      `đây không phải tệp PKCS#12 mà thư viện đọc được (${message})`,
      error,
    );
  }

  const { pkcs8ShroudedKeyBag, keyBag, certBag } = forge.pki.oids as Record<string, string>;
  const keyBags = [
    ...(container.getBags({ bagType: pkcs8ShroudedKeyBag as string })[pkcs8ShroudedKeyBag as string] ?? []),
    ...(container.getBags({ bagType: keyBag as string })[keyBag as string] ?? []),
  ];
  const privateKey = keyBags.find((bag) => bag.key)?.key as forge.pki.rsa.PrivateKey | undefined;
  if (!privateKey) {
    throw notOpened('it holds no RSA private key (only RSA keys are supported)', 'tệp không chứa khóa bí mật RSA (chỉ hỗ trợ khóa RSA)');
  }
  const certBags = container.getBags({ bagType: certBag as string })[certBag as string] ?? [];
  const certificates = certBags.flatMap((bag) => {
    if (bag.cert) return [{ cert: bag.cert as forge.pki.Certificate | null, der: derOf(forge.pki.certificateToAsn1(bag.cert)) }];
    const asn1 = (bag as unknown as { asn1?: forge.asn1.Asn1 }).asn1;
    return asn1 ? [{ cert: null, der: derOf(asn1) }] : [];
  });
  const own = certificates.find(({ cert }) => {
    const publicKey = cert?.publicKey as forge.pki.rsa.PublicKey | undefined;
    return publicKey?.n !== undefined && publicKey.n.equals(privateKey.n) && publicKey.e.equals(privateKey.e);
  });
  if (!own) {
    throw notOpened('it holds no certificate for its private key', 'tệp không có chứng thư ứng với khóa bí mật');
  }

  const pkcs8 = derOf(forge.pki.wrapRsaPrivateKey(forge.pki.privateKeyToAsn1(privateKey)));
  const key = await crypto.subtle.importKey('pkcs8', pkcs8, { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }, false, ['sign']);
  return { key, certificate: own.der, chain: certificates.filter((entry) => entry !== own).map(({ der }) => der) };
}

function derOf(asn1: forge.asn1.Asn1): Uint8Array {
  return new Uint8Array(Buffer.from(forge.asn1.toDer(asn1).getBytes(), 'binary'));
}

/**
 * forge hands the passphrase as given to both the MAC's key derivation (PKCS#12's, over UTF-16
 * code units: right for any text) and PBKDF2 (over one byte per character, where OpenSSL takes the
 * UTF-8 bytes). A passphrase beyond ASCII, such as Vietnamese with diacritics, therefore passes the
 * MAC check and then fails to decrypt an OpenSSL 3 file. The MAC being verified, the file is read
 * again without it, with the UTF-8 bytes for PBKDF2.
 */
function parseP12(p12: Uint8Array, passphrase: string): forge.pkcs12.Pkcs12Pfx {
  const asn1 = () => forge.asn1.fromDer(forge.util.createBuffer(Buffer.from(p12).toString('binary')), false);
  try {
    return forge.pkcs12.pkcs12FromAsn1(asn1(), false, passphrase);
  } catch (error) {
    const utf8 = forge.util.encodeUtf8(passphrase);
    if (utf8 === passphrase || !/Failed to decrypt/i.test((error as Error).message ?? '')) throw error;
    const pfx = asn1();
    const parts = pfx.value as forge.asn1.Asn1[];
    if (parts.length < 3) throw error;
    parts.length = 2;
    return forge.pkcs12.pkcs12FromAsn1(pfx, false, utf8);
  }
}
