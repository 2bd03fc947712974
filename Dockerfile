# Night Legs, self-hosted: `handler -serve` in a static image, for a server
# or a container platform instead of Lambda (README: "Self-hosting").
#
#   docker build -t night-legs .
#   docker run -p 8080:8080 -e SKILL_ID=amzn1.ask.skill.... \
#     -e USER_KEY_SECRET=... -v night-legs:/data night-legs
#
# It serves plain HTTP on :8080 for a TLS-terminating proxy in front; add
# `-tls-cert FILE -tls-key FILE` after the image name to serve HTTPS itself,
# `-memory` to keep nothing. TABLE_NAME selects DynamoDB instead of the file.

# Build on the builder's platform for the target's: no emulation needed.
FROM --platform=$BUILDPLATFORM golang:1.26 AS build
ARG TARGETOS=linux
ARG TARGETARCH
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
# Static (no cgo), so the final image needs no C library.
RUN CGO_ENABLED=0 GOOS=$TARGETOS GOARCH=$TARGETARCH go build -buildvcs=false -trimpath -ldflags=-s -o /out/handler ./handler && mkdir -p /out/data

# distroless/static: CA certificates (the roots that verify Alexa's signing
# chain: SSL_CERT_FILE and SSL_CERT_DIR still choose others), tzdata, a
# nonroot user, and nothing else: no shell, no package manager.
FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/handler /handler
COPY --from=build --chown=65532:65532 /out/data /data
USER 65532:65532
EXPOSE 8080
VOLUME ["/data"]
ENTRYPOINT ["/handler", "-serve", ":8080", "-store", "/data/night-legs.db"]
