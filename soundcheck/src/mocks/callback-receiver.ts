import { HttpMock } from './http-mock.ts';

/** Receives a partner's or a service's HTTP callbacks: answers 200 to any POST and records it. */
export class CallbackReceiver extends HttpMock {
  constructor(name = 'callbacks') {
    super(name);
    this.on('POST', /^\/.*$/, () => ({ status: 200, body: { received: true } }));
  }

  /** Bodies of the POSTs received, parsed as JSON when they are JSON. */
  bodies(): unknown[] {
    return this.received
      .filter((request) => request.method === 'POST')
      .map((request) => {
        const text = request.body.toString('utf8');
        return /json/.test(request.headers['content-type'] ?? '') ? JSON.parse(text) : text;
      });
  }
}
