# The breachline worker image. There is no compile step: tsx, a production
# dependency, runs the TypeScript sources directly, and the Temporal worker
# bundles the workflow code with webpack when it starts.
FROM node:20-bookworm-slim

ENV NODE_ENV=production
WORKDIR /app

# Dependencies first, so a source-only change reuses this layer. The Temporal
# core bridge ships prebuilt glibc binaries, so no compiler is needed here.
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force

COPY tsconfig.json ./
COPY bin ./bin
COPY src ./src
COPY workflows ./workflows
COPY activities ./activities
COPY rules ./rules

# The code stays root-owned and read-only to the process; only the data
# directory is writable. Created here so a named volume mounted on it inherits
# the ownership.
RUN mkdir -p /var/lib/breachline && chown 1000:1000 /var/lib/breachline
ENV BREACHLINE_DATA_DIR=/var/lib/breachline

# Numeric, so runtimes that enforce "run as non-root" can verify it without
# reading /etc/passwd; 1000 is the image's `node` user.
USER 1000:1000

ENTRYPOINT ["node", "bin/breachline.js"]
CMD ["worker"]
