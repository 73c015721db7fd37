/** The servers graphql-drivers.ts measures; each one runs in its own process (see server.ts). */
export const TARGETS = ['fastify-bare', 'mercurius-jit', 'mercurius-nojit', 'apollo'] as const;
export type TargetName = (typeof TARGETS)[number];

export const TARGET_LABELS: Readonly<Record<TargetName, string>> = {
  'fastify-bare': 'bare Fastify (GET /, hello world)',
  'mercurius-jit': 'NestJS + @nestjs/mercurius (jit: 1)',
  // Not one of the two candidates: shows how much of Mercurius's lead is graphql-jit's.
  'mercurius-nojit': 'NestJS + @nestjs/mercurius (jit off, graphql-js execute)',
  apollo: 'NestJS + @nestjs/apollo (Apollo Server 5, Fastify integration)',
};
