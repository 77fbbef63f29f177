# Postwire built from this checkout (used by docker-compose.yml).
FROM node:20

WORKDIR /app

# Packages first, so that a source change does not reinstall them.
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund

COPY . .
RUN npm run build

ENV NODE_ENV=production
# HTTP (webapi, adminapi, pages), SMTP (incoming mail and DSNs), submission. The bootstrap file decides
# which of them are enabled and on which ports; these are the standard ones.
EXPOSE 80 25 587

CMD ["node", "dist/src/main.js", "serve"]
