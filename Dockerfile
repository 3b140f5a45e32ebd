# One image recipe for every Helhed process; docker-compose.yml builds it once per
# service with SERVICE_DIR (e.g. services/family) and runs that service's dist/main.js.
FROM node:22-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json tsconfig.base.json tsconfig.json ./
COPY packages ./packages
COPY services ./services
COPY gateway ./gateway
# npm install, not npm ci: the lock file was made against a registry without some platforms' optional binaries.
RUN npm install --ignore-scripts --no-audit --no-fund
ARG SERVICE_DIR
RUN npx tsc -b "$SERVICE_DIR" && npm prune --omit=dev --ignore-scripts

FROM node:22-bookworm-slim
ARG SERVICE_DIR
ENV NODE_ENV=production SERVICE_DIR=$SERVICE_DIR
WORKDIR /app
COPY --from=build /app /app
USER node
CMD ["sh", "-c", "exec node \"$SERVICE_DIR/dist/main.js\""]
