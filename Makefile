# SAM's makefile build method: ship the single bundled handler, not node_modules.
build-TypeFunction build-TestEntrypoint:
	npm ci --no-audit --no-fund
	npm run build
	mkdir -p "$(ARTIFACTS_DIR)/dist"
	cp dist/handlers.js "$(ARTIFACTS_DIR)/dist/handlers.js"
