package main

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// manifest is the part of a Kubernetes object the checks read.
type manifest struct {
	APIVersion string `yaml:"apiVersion"`
	Kind       string `yaml:"kind"`
	Metadata   struct {
		Name string `yaml:"name"`
	} `yaml:"metadata"`
	Resources []string `yaml:"resources"` // a Kustomization's files
	Spec      struct {
		Selector struct {
			MatchLabels map[string]string `yaml:"matchLabels"`
		} `yaml:"selector"`
		ServiceSelector map[string]string `yaml:"-"`
		Template        struct {
			Metadata struct {
				Labels map[string]string `yaml:"labels"`
			} `yaml:"metadata"`
			Spec struct {
				SecurityContext struct {
					RunAsNonRoot bool `yaml:"runAsNonRoot"`
					RunAsUser    int  `yaml:"runAsUser"`
				} `yaml:"securityContext"`
				Containers []struct {
					Image string   `yaml:"image"`
					Args  []string `yaml:"args"`
					Ports []struct {
						ContainerPort int `yaml:"containerPort"`
					} `yaml:"ports"`
					Env []struct {
						Name      string `yaml:"name"`
						ValueFrom struct {
							SecretKeyRef struct {
								Name string `yaml:"name"`
								Key  string `yaml:"key"`
							} `yaml:"secretKeyRef"`
						} `yaml:"valueFrom"`
					} `yaml:"env"`
					Resources struct {
						Requests map[string]string `yaml:"requests"`
						Limits   map[string]string `yaml:"limits"`
					} `yaml:"resources"`
					LivenessProbe  probe `yaml:"livenessProbe"`
					ReadinessProbe probe `yaml:"readinessProbe"`
					Security       struct {
						AllowPrivilegeEscalation *bool `yaml:"allowPrivilegeEscalation"`
						ReadOnlyRootFilesystem   bool  `yaml:"readOnlyRootFilesystem"`
					} `yaml:"securityContext"`
				} `yaml:"containers"`
			} `yaml:"spec"`
		} `yaml:"template"`
		ScaleTargetRef struct {
			Kind string `yaml:"kind"`
			Name string `yaml:"name"`
		} `yaml:"scaleTargetRef"`
		MinReplicas int `yaml:"minReplicas"`
		MaxReplicas int `yaml:"maxReplicas"`
	} `yaml:"spec"`
	StringData map[string]string `yaml:"stringData"`
}

type probe struct {
	HTTPGet struct {
		Path string `yaml:"path"`
	} `yaml:"httpGet"`
}

// TestDeployManifests checks the Kubernetes manifests against each other
// and against the server: the kustomization lists every file, the Service
// and the autoscaler find the Deployment, the pod runs as the image's
// non-root user with resource limits, probes the server's health paths,
// and takes DATABASE_URL from the Secret that exists.
func TestDeployManifests(t *testing.T) {
	files, err := filepath.Glob("deploy/*.yaml")
	if err != nil || len(files) == 0 {
		t.Fatalf("no manifests in deploy/: %v", err)
	}
	byKind := map[string]manifest{}
	var names []string
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var m manifest
		if err := yaml.Unmarshal(data, &m); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		if m.Kind == "" || m.APIVersion == "" {
			t.Fatalf("%s: no kind or apiVersion", f)
		}
		if m.Kind == "Service" {
			var svc struct {
				Spec struct {
					Selector map[string]string `yaml:"selector"`
				} `yaml:"spec"`
			}
			yaml.Unmarshal(data, &svc)
			m.Spec.ServiceSelector = svc.Spec.Selector
		}
		byKind[m.Kind] = m
		if m.Kind != "Kustomization" {
			names = append(names, filepath.Base(f))
		}
	}
	for _, name := range names {
		if !slices.Contains(byKind["Kustomization"].Resources, name) {
			t.Errorf("kustomization.yaml does not list %s", name)
		}
	}
	for _, k := range []string{"Deployment", "Service", "HorizontalPodAutoscaler", "Secret", "Kustomization"} {
		if _, ok := byKind[k]; !ok {
			t.Fatalf("no %s in deploy/", k)
		}
	}
	d := byKind["Deployment"]
	labels := d.Spec.Template.Metadata.Labels
	for k, v := range d.Spec.Selector.MatchLabels {
		if labels[k] != v {
			t.Errorf("the Deployment's selector %s=%s does not match its pods' labels %v", k, v, labels)
		}
	}
	for k, v := range byKind["Service"].Spec.ServiceSelector {
		if labels[k] != v {
			t.Errorf("the Service selects %s=%s, which the pods do not have", k, v)
		}
	}
	if h := byKind["HorizontalPodAutoscaler"]; h.Spec.ScaleTargetRef.Kind != "Deployment" || h.Spec.ScaleTargetRef.Name != d.Metadata.Name ||
		h.Spec.MinReplicas < 1 || h.Spec.MaxReplicas < h.Spec.MinReplicas {
		t.Errorf("the autoscaler does not scale the Deployment %q sensibly: %+v", d.Metadata.Name, h.Spec)
	}
	pod := d.Spec.Template.Spec
	if !pod.SecurityContext.RunAsNonRoot || pod.SecurityContext.RunAsUser != dockerfileUID(t) {
		t.Errorf("the pod must run as non-root uid %d (the image's USER): %+v", dockerfileUID(t), pod.SecurityContext)
	}
	if len(pod.Containers) != 1 {
		t.Fatalf("one container expected, not %d", len(pod.Containers))
	}
	c := pod.Containers[0]
	for _, r := range []string{"cpu", "memory"} {
		if c.Resources.Limits[r] == "" || c.Resources.Requests[r] == "" {
			t.Errorf("the container needs a %s request and limit", r)
		}
	}
	if c.LivenessProbe.HTTPGet.Path != "/healthz" || c.ReadinessProbe.HTTPGet.Path != "/readyz" {
		t.Errorf("probes: liveness %q, readiness %q; want /healthz and /readyz", c.LivenessProbe.HTTPGet.Path, c.ReadinessProbe.HTTPGet.Path)
	}
	if c.Security.AllowPrivilegeEscalation == nil || *c.Security.AllowPrivilegeEscalation || !c.Security.ReadOnlyRootFilesystem {
		t.Error("the container must forbid privilege escalation and have a read-only root file system")
	}
	if len(c.Args) == 0 || c.Args[0] != "serve" {
		t.Errorf("the container must run osplay serve, not %v", c.Args)
	}
	secret := byKind["Secret"]
	found := false
	for _, e := range c.Env {
		if e.Name == "DATABASE_URL" {
			ref := e.ValueFrom.SecretKeyRef
			found = ref.Name == secret.Metadata.Name && secret.StringData[ref.Key] != ""
		}
	}
	if !found {
		t.Errorf("DATABASE_URL must come from the Secret %q", secret.Metadata.Name)
	}
	if !strings.HasPrefix(secret.StringData["url"], "postgres://") {
		t.Errorf("the Secret's url is not a PostgreSQL URL: %q", secret.StringData["url"])
	}
}

// dockerfileUID is the numeric user of the Dockerfile's final stage.
func dockerfileUID(t *testing.T) int {
	data, err := os.ReadFile("Dockerfile")
	if err != nil {
		t.Fatal(err)
	}
	uid := -1
	for _, line := range strings.Split(string(data), "\n") {
		if rest, ok := strings.CutPrefix(line, "USER "); ok {
			u, _, _ := strings.Cut(rest, ":")
			uid = 0
			for _, ch := range u {
				if ch < '0' || ch > '9' {
					t.Fatalf("USER %q is not numeric: Kubernetes cannot check runAsNonRoot on a name", rest)
				}
				uid = uid*10 + int(ch-'0')
			}
		}
	}
	if uid <= 0 {
		t.Fatal("the Dockerfile has no non-root USER")
	}
	return uid
}

// TestDockerfileLint checks the Dockerfile for what a linter (hadolint is
// not packaged in Debian) and the issue ask of it: several stages, base
// images with a tag other than latest, the final stage not a toolchain,
// JSON (exec) forms, a static build, a health check, a numeric non-root
// user, no remote ADD and no sudo.
func TestDockerfileLint(t *testing.T) {
	data, err := os.ReadFile("Dockerfile")
	if err != nil {
		t.Fatal(err)
	}
	var froms []string
	has := map[string]string{}
	for i, line := range strings.Split(string(data), "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		instr, rest, _ := strings.Cut(line, " ")
		has[instr] = rest
		at := fmt.Sprintf("Dockerfile:%d", i+1)
		switch instr {
		case "FROM":
			image, _, _ := strings.Cut(rest, " ")
			if !strings.Contains(image, ":") || strings.HasSuffix(image, ":latest") {
				t.Errorf("%s: %s has no pinned tag", at, image)
			}
			froms = append(froms, image)
		case "ADD":
			t.Errorf("%s: ADD (use COPY; no remote files)", at)
		case "RUN":
			if strings.Contains(rest, "sudo ") || strings.Contains(rest, "apt-get upgrade") {
				t.Errorf("%s: %s", at, rest)
			}
		case "ENTRYPOINT", "CMD":
			if !strings.HasPrefix(rest, "[") {
				t.Errorf("%s: %s not in JSON form (signals would not reach the server)", at, instr)
			}
		case "HEALTHCHECK":
			if !strings.Contains(rest, `CMD ["`) {
				t.Errorf("%s: the health check not in JSON form", at)
			}
		}
	}
	if len(froms) < 2 {
		t.Fatalf("%d stages, want a build stage and a final one", len(froms))
	}
	if final := froms[len(froms)-1]; strings.Contains(final, "golang") || !strings.Contains(final, "distroless/static") {
		t.Errorf("final stage %s: want a static distroless image, no toolchain", final)
	}
	if !strings.Contains(string(data), "CGO_ENABLED=0 go build") {
		t.Error("the binary is not built static (CGO_ENABLED=0)")
	}
	for _, want := range []string{"USER", "HEALTHCHECK", "ENTRYPOINT", "EXPOSE"} {
		if _, ok := has[want]; !ok {
			t.Errorf("no %s", want)
		}
	}
	dockerfileUID(t)
}
