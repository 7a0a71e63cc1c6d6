using PackGuard.Findings;
using PackGuard.Rules;
using static PackGuard.Inspectors.Secrets.Catalog.SampleText;

namespace PackGuard.Inspectors.Files;

public static partial class FileRules
{
    private static IEnumerable<RuleDescriptor> InfrastructureRules()
    {
        const string gitConfig = "[core]\n\trepositoryformatversion = 0\n[remote \"origin\"]\n\turl = git@github.com:acme/app.git\n\tfetch = +refs/heads/*:refs/remotes/origin/*\n";
        const string kubeconfigHead = "apiVersion: v1\nkind: Config\nclusters:\n- name: prod\n  cluster:\n    server: https://k8s.acme.io:6443\ncontexts:\n- name: prod\n  context:\n    cluster: prod\n    user: deploy\nusers:\n- name: deploy\n  user:\n";

        yield return new(
            VcsFolder,
            "Version-control folder in the package",
            Severity.High,
            "The package ships a version-control folder: .git, .svn, .hg, .bzr or CVS, reported once per folder with its file count. High when it holds the object store (.git/objects, .hg/store, .svn/pristine), from which the repository's history can be rebuilt, or when a remote URL in .git/config carries credentials; medium otherwise. The remotes .git/config names are listed, without credentials. npm never packs the root .git and leaves .git, .svn, .hg and CVS out everywhere by default.",
            "A repository's history holds every file and every version ever committed: code the package does not ship, secrets that were committed once and deleted, internal remotes and author e-mail addresses. Even without objects, the folder names the private repository the package came from.",
            "Leave the folder out of the package: package it from a clean export or a CI checkout, or list what it needs in \"files\" (npm) and check with `npm pack --dry-run`. If a remote URL carried a token, revoke it.",
            [
                new("a .git folder with its object store", true, Package(
                    new SampleFile("package/.git/HEAD", "ref: refs/heads/main\n"), new SampleFile("package/.git/config", gitConfig),
                    new SampleFile("package/.git/objects/3b/18e512dba79e4c8300dd08aeb37f8e728b8dad", "x\u0001K\u00ca\u00c9OR04a")), Severity.High),
                new("a .git/config whose remote carries a token", true, Package(
                    new SampleFile("package/.git/config", Join("[remote \"origin\"]\n\turl = https://ci:", Random(40, Base62, 9201), "@github.com/acme/app.git\n"))), Severity.High),
                new("a .git folder without objects", true, Package(new SampleFile("package/.git/HEAD", "ref: refs/heads/main\n"), new SampleFile("package/.git/config", gitConfig)), Severity.Medium),
                new("an .svn folder", true, Package(new SampleFile("package/lib/.svn/entries", "12\n")), Severity.Medium),
                new("git's own dotfiles", false, Package(new SampleFile("package/.gitignore", "node_modules\n"), new SampleFile("package/.gitattributes", "* text=auto\n"), new SampleFile("package/docs/git/config.md", "# config\n"))),
            ]);

        yield return new(
            TerraformState,
            "Terraform state or variables in the package",
            Severity.High,
            "The package ships Terraform state (*.tfstate, *.tfstate.backup): high, since state records every managed resource with its attributes, generated passwords and private keys included, in plain text. Variables files (*.tfvars, *.tfvars.json) and the .terraform working folder are medium; templates of variables files are info. " + SampleNote,
            "Terraform state is the most complete description of an infrastructure there is, and holds its secrets unencrypted. Variables files are where deployments keep their settings and often their credentials; the .terraform folder can hold the backend configuration with its access keys.",
            "Keep state in a remote backend with access control (S3 with encryption, Terraform Cloud, GCS), never beside the code; leave *.tfstate*, *.tfvars and .terraform/ out of the package, and rotate any secret the state held.",
            [
                new("a state file", true, Package(new SampleFile("package/infra/terraform.tfstate", """{"version":4,"terraform_version":"1.7.5","serial":12,"resources":[]}""")), Severity.High),
                new("a variables file", true, Package(new SampleFile("package/infra/prod.tfvars", "region = \"eu-west-1\"\n")), Severity.Medium),
                new("the working folder", true, Package(new SampleFile("package/infra/.terraform/terraform.tfvars.d", "x"), new SampleFile("package/infra/.terraform/modules/modules.json", "{}")), Severity.Medium),
                new("a variables template", true, Package(new SampleFile("package/infra/terraform.tfvars.example", "region = \"\"\n")), Severity.Info),
                new("Terraform code and its lock file", false, Package(new SampleFile("package/infra/main.tf", "resource \"null_resource\" \"x\" {}\n"), new SampleFile("package/infra/.terraform.lock.hcl", "# lock\n"))),
            ]);

        yield return new(
            KubeConfig,
            "Kubernetes config in the package",
            Severity.High,
            "The package ships a kubeconfig: .kube/config, a file named kubeconfig, or any YAML with clusters: (and their API servers), users: and contexts: or kind: Config. High when it embeds credentials (token, client-key-data, password, id-token, refresh-token, client-secret); medium when it only names clusters and their API servers. " + SampleNote,
            "A kubeconfig with credentials is a login to a Kubernetes cluster, often with rights to deploy, read secrets and run code. Without them it still maps the infrastructure: cluster names and API server addresses.",
            "Revoke the embedded token or client certificate (delete the service account token, rotate the certificate), then leave the file out of the package. Tools that need a kubeconfig should read it from the environment (KUBECONFIG) at run time.",
            [
                new("a kubeconfig with a token", true, Package(new SampleFile("package/.kube/config", kubeconfigHead + Join("    token: ", Random(60, Base64Url, 9202), "\n"))), Severity.High),
                new("a kubeconfig without credentials", true, Package(new SampleFile("package/deploy/kubeconfig.yaml", kubeconfigHead + "    exec:\n      command: aws\n")), Severity.Medium),
                new("Kubernetes manifests", false, Package(
                    new SampleFile("package/k8s/deployment.yaml", "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: app\n"),
                    new SampleFile("package/config/clusters.yaml", "clusters:\n  - eu\n  - us\n"),
                    new SampleFile("package/charts/values.yaml", "clusters:\n  - name: eu\nusers:\n  - admin\n"))),
            ]);

        yield return new(
            DockerConfig,
            "Docker client config in the package",
            Severity.High,
            "The package ships a Docker client configuration (config.json with an auths object, or the legacy .dockercfg). High when a registry entry holds a login (auth, identitytoken, password); low when logins are kept in a credential store (credsStore, credHelpers). " + SampleNote,
            "The auth field is the registry user name and password in base64: anyone who installs the package can push images as that user, or pull private ones.",
            "Change the registry password or revoke the token, then leave the file out of the package. On build machines use a credential helper (credsStore) so that config.json holds no passwords.",
            [
                new("a Docker config with a registry login", true, Package(new SampleFile("package/.docker/config.json", Join("{\"auths\":{\"registry.acme.io\":{\"auth\":\"", Random(40, Base64, 9203), "\"}}}"))), Severity.High),
                new("a Docker config that uses a credential store", true, Package(new SampleFile("package/config.json", """{"auths":{"ghcr.io":{}},"credsStore":"desktop"}""")), Severity.Low),
                new("an ordinary config.json", false, Package(new SampleFile("package/config.json", """{"port":3000,"auth":{"enabled":true}}"""))),
            ]);

        yield return new(
            Database,
            "Database dump or file in the package",
            Severity.Medium,
            "The package ships a database or a dump of one: an SQL file with data (INSERT INTO, COPY ... FROM stdin), an SQLite database (by its header, whatever its name), a pg_dump archive (PGDMP). An SQL dump tool's header without data is low, and so is a file only named *.dump; SQL files with only a schema (migrations) are not reported. " + SampleNote,
            "A dump is a copy of a database: user records, e-mail addresses, password hashes, tokens. Packages ship sample databases on purpose too, which is why this is medium: look at what the rows are.",
            "If the data is real, treat it as a data leak: find out whose records it holds and rotate what it contains. Leave dumps out of the package; ship fixtures generated from fake data instead.",
            [
                new("an SQL dump with rows", true, Package(new SampleFile("package/db/dump.sql", "-- MySQL dump 10.13\nCREATE TABLE users (id int, email text);\nINSERT INTO users VALUES (1,'ann@acme.io');\n")), Severity.Medium),
                new("an SQLite database", true, Package(new SampleFile("package/data/app.db", "SQLite format 3\0\u0010\u0000\u0001\u0001")), Severity.Medium),
                new("a file named like a dump", true, Package(new SampleFile("package/backup.dump", "x")), Severity.Low),
                new("a migration with only a schema", false, Package(new SampleFile("package/migrations/001_init.sql", "CREATE TABLE users (id int primary key, email text not null);\n"))),
                new("a Windows thumbnail cache is not a database", false, Package(new SampleFile("package/img/Thumbs.db", "\u00d0\u00cf\u0011\u00e0"))),
            ]);
    }
}
