# Build with tsc (decorator metadata), run as a non-root user with production dependencies only.
# Both installs skip the project's own `prepare` build (--ignore-scripts: the sources are not copied
# yet, and the runtime stage has no TypeScript); `npm rebuild` then runs the dependencies' install
# scripts, which --ignore-scripts skipped too.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts && npm rebuild
COPY . .
RUN npx tsc -p tsconfig.build.json

FROM node:20-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts && npm rebuild && npm cache clean --force
COPY --from=build /app/dist ./dist
COPY schema ./schema
COPY gateway/dashboard ./gateway/dashboard
# The IDE's page and bootstrap, and the example operations it opens with (IDE=true in production).
COPY gateway/ide ./gateway/ide
COPY test/queries ./test/queries
USER node
CMD ["node", "dist/gateway/main.js"]
