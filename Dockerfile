# Build with tsc (decorator metadata), run as a non-root user with production dependencies only.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci
COPY . .
RUN npx tsc -p .

FROM node:20-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev && npm cache clean --force
COPY --from=build /app/dist ./dist
COPY schema ./schema
COPY gateway/dashboard ./gateway/dashboard
USER node
CMD ["node", "dist/gateway/main.js"]
