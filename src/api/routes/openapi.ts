import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';

export function openApiRoutes(): FastifyPluginCallbackZod {
  return (app, _options, done) => {
    app.get('/openapi.json', { config: { access: { public: true } }, schema: { hide: true } }, () => app.swagger());
    done();
  };
}
