import forge from 'node-forge';
import type { SigningIdentity } from './p12.js';

/**
 * A detached CMS SignedData (RFC 5652) over the signed bytes of a PDF, as PDF readers verify it
 * for adbe.pkcs7.detached and ETSI.CAdES.detached (PAdES baseline B-B).
 *
 * node-forge builds the ASN.1 (its pkcs7 module would too, but hashes and signs in JavaScript:
 * about a quarter of a second per signature here); the digest and the RSA signature are
 * WebCrypto's, native in Node. The signed attributes are content type, signing time, message
 * digest and the ESS signing-certificate-v2 PAdES asks for, so one signature serves both
 * sub-filters.
 */

const { asn1 } = forge;
const OID = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  sha256: '2.16.840.1.101.3.4.2.1',
  rsaEncryption: '1.2.840.113549.1.1.1',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
};

const seq = (items: forge.asn1.Asn1[]) => asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SEQUENCE, true, items);
const set = (items: forge.asn1.Asn1[]) => asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SET, true, items);
const oid = (value: string) => asn1.create(asn1.Class.UNIVERSAL, asn1.Type.OID, false, asn1.oidToDer(value).getBytes());
const octets = (bytes: Uint8Array) => asn1.create(asn1.Class.UNIVERSAL, asn1.Type.OCTETSTRING, false, binary(bytes));
const int = (value: number) => asn1.create(asn1.Class.UNIVERSAL, asn1.Type.INTEGER, false, asn1.integerToDer(value).getBytes());
const nullValue = () => asn1.create(asn1.Class.UNIVERSAL, asn1.Type.NULL, false, '');
const algorithm = (id: string) => seq([oid(id), nullValue()]);
const attribute = (type: string, value: forge.asn1.Asn1) => seq([oid(type), set([value])]);

function binary(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('binary');
}

function bytesOf(value: forge.asn1.Asn1 | string): Uint8Array {
  const raw = typeof value === 'string' ? value : asn1.toDer(value).getBytes();
  return new Uint8Array(Buffer.from(raw, 'binary'));
}

async function sha256(bytes: Uint8Array): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
}

/** UTCTime until 2049, GeneralizedTime after, as RFC 5280 has it. */
function time(date: Date): forge.asn1.Asn1 {
  const year = date.getUTCFullYear();
  if (year >= 1950 && year < 2050) return asn1.create(asn1.Class.UNIVERSAL, asn1.Type.UTCTIME, false, asn1.dateToUtcTime(date));
  return asn1.create(asn1.Class.UNIVERSAL, asn1.Type.GENERALIZEDTIME, false, asn1.dateToGeneralizedTime(date));
}

/** The certificate's issuer Name and serialNumber, read from its own DER. */
function issuerAndSerial(certificate: Uint8Array): forge.asn1.Asn1 {
  const cert = asn1.fromDer(forge.util.createBuffer(binary(certificate)));
  const tbs = (cert.value as forge.asn1.Asn1[])[0] as forge.asn1.Asn1;
  const fields = tbs.value as forge.asn1.Asn1[];
  // an explicit [0] version comes first in v2 and v3 certificates
  const skip = (fields[0] as forge.asn1.Asn1).tagClass === asn1.Class.CONTEXT_SPECIFIC ? 1 : 0;
  return seq([fields[skip + 2] as forge.asn1.Asn1, fields[skip] as forge.asn1.Asn1]);
}

/** Signed attributes in DER order (a SET OF is sorted by the encodings of its members). */
function sortedSet(items: forge.asn1.Asn1[]): forge.asn1.Asn1[] {
  return items
    .map((item) => ({ item, der: asn1.toDer(item).getBytes() }))
    .sort((a, b) => (a.der < b.der ? -1 : a.der > b.der ? 1 : 0))
    .map(({ item }) => item);
}

export async function cmsSignedData(content: Uint8Array, identity: SigningIdentity, signingTime: Date): Promise<Uint8Array> {
  const digest = await sha256(content);
  const certificateHash = await sha256(identity.certificate);
  const signerId = issuerAndSerial(identity.certificate);
  const attributes = sortedSet([
    attribute(OID.contentType, oid(OID.data)),
    attribute(OID.signingTime, time(signingTime)),
    attribute(OID.messageDigest, octets(digest)),
    // SigningCertificateV2 { certs: [ESSCertIDv2 { certHash, issuerSerial }] }; SHA-256 is the default hash, so not written
    attribute(OID.signingCertificateV2, seq([seq([seq([octets(certificateHash), seq([generalNames(signerId), serialOf(signerId)])])])])),
  ]);
  // The signature covers the attributes' DER as a SET; in SignerInfo they are [0] IMPLICIT.
  const toSign = bytesOf(set(attributes));
  const signature = new Uint8Array(await crypto.subtle.sign('RSASSA-PKCS1-v1_5', identity.key, toSign));
  const signedAttributes = asn1.create(asn1.Class.CONTEXT_SPECIFIC, 0, true, attributes);

  const certificates = [identity.certificate, ...identity.chain].map((der) => asn1.fromDer(forge.util.createBuffer(binary(der))));
  const signerInfo = seq([int(1), signerId, algorithm(OID.sha256), signedAttributes, algorithm(OID.rsaEncryption), octets(signature)]);
  const signedData = seq([
    int(1),
    set([algorithm(OID.sha256)]),
    seq([oid(OID.data)]),
    asn1.create(asn1.Class.CONTEXT_SPECIFIC, 0, true, certificates),
    set([signerInfo]),
  ]);
  const contentInfo = seq([oid(OID.signedData), asn1.create(asn1.Class.CONTEXT_SPECIFIC, 0, true, [signedData])]);
  return bytesOf(contentInfo);
}

/** IssuerSerial's issuer: GeneralNames holding the issuer as a directoryName ([4] EXPLICIT Name). */
function generalNames(issuerAndSerialNumber: forge.asn1.Asn1): forge.asn1.Asn1 {
  const issuer = (issuerAndSerialNumber.value as forge.asn1.Asn1[])[0] as forge.asn1.Asn1;
  return seq([asn1.create(asn1.Class.CONTEXT_SPECIFIC, 4, true, [issuer])]);
}

function serialOf(issuerAndSerialNumber: forge.asn1.Asn1): forge.asn1.Asn1 {
  return (issuerAndSerialNumber.value as forge.asn1.Asn1[])[1] as forge.asn1.Asn1;
}
