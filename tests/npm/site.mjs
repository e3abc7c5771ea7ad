// An OB 2.0 issuer's site (the CLI's tests/cli_links.rs site): two hosted assertions, their
// BadgeClass and Issuer, and a page that embeds the first and links the second.
export function site(base) {
  const assertion = (n) => ({
    '@context': 'https://w3id.org/openbadges/v2', type: 'Assertion', id: `${base}/assertions/${n}`,
    recipient: { type: 'email', hashed: false, identity: 'alice@example.org' },
    badge: `${base}/badges/robotics`, verification: { type: 'HostedBadge' }, issuedOn: '2024-01-01T00:00:00Z',
  });
  const json = (doc) => ({ type: 'application/ld+json', body: JSON.stringify(doc) });
  return {
    '/assertions/1': json(assertion(1)),
    '/assertions/2': json(assertion(2)),
    '/badges/robotics': json({
      '@context': 'https://w3id.org/openbadges/v2', type: 'BadgeClass', id: `${base}/badges/robotics`,
      name: 'Robotics', description: 'Built a robot.', image: `${base}/robot.png`,
      criteria: { narrative: 'Build a robot.' }, issuer: `${base}/issuer`,
    }),
    '/issuer': json({
      '@context': 'https://w3id.org/openbadges/v2', type: 'Issuer', id: `${base}/issuer`,
      name: 'Example Issuer', url: base, email: 'badges@issuer.example',
    }),
    '/alice/badges.html': {
      type: 'text/html; charset=utf-8',
      body: `<!DOCTYPE html><html><head><title>Alice</title>
        <link rel="alternate" type="application/ld+json" href="/assertions/2" title="Soldering">
        <script type="application/ld+json">${JSON.stringify(assertion(1))}</script></head><body></body></html>`,
    },
    '/alice/one.html': {
      type: 'text/html',
      body: '<!doctype html><link rel=alternate type=application/json href="../assertions/1" title="Robotics">',
    },
    '/revoked': { status: 410, type: 'text/plain', body: 'gone' },
    '/moved': { status: 302, type: 'text/plain', body: '', headers: { location: '/assertions/1' } },
  };
}

/** A fetch over `docs` (path → {status, type, body, headers}) at `base`, logging its calls. */
export function fakeFetch(base, docs) {
  const calls = [];
  const fetch = async (url, init) => {
    calls.push({ url, init });
    const u = new URL(url);
    const doc = u.origin === new URL(base).origin ? docs[u.pathname] : undefined;
    if (!doc) return new Response('not found', { status: 404, headers: { 'content-type': 'text/plain' } });
    return new Response(doc.status === 302 || doc.status === 410 ? (doc.body || null) : doc.body, {
      status: doc.status ?? 200,
      headers: { 'content-type': doc.type, ...(doc.headers ?? {}) },
    });
  };
  return { fetch, calls };
}
