# syntax=docker/dockerfile:1
# osplay as a container: a static binary (the C headers, libc sources,
# examples, exercises and the page assets are embedded in it), run as a
# non-root user, with no compiler toolchain in the final image.
#
#   docker build -t osplay .
#   docker run -p 8080:8080 -v osplay-data:/data osplay
#
# deploy/reproduce-build.sh builds and checks the same stages without a
# container engine.

ARG GO_VERSION=1.26

FROM golang:${GO_VERSION}-bookworm AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
# BUILD: the same command deploy/reproduce-build.sh runs.
RUN CGO_ENABLED=0 go build -trimpath -ldflags="-s -w" -o /out/osplay .
RUN mkdir -p /out/data

FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/osplay /osplay
COPY --from=build --chown=65532:65532 /out/data /data
USER 65532:65532
ENV OSPLAY_DATA=/data PORT=8080
EXPOSE 8080
VOLUME ["/data"]
HEALTHCHECK --interval=30s --timeout=3s --start-period=10s --retries=3 CMD ["/osplay", "healthcheck"]
ENTRYPOINT ["/osplay"]
CMD ["serve"]
