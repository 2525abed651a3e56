// The overhead baseline: `modelarts-bench-trivial:count` dynamic resources whose provider does nothing.
const pulumi = require("@pulumi/pulumi");

const config = new pulumi.Config();
const count = config.requireNumber("count");

const provider = {
  async create() {
    return { id: "x", outs: {} };
  },
};

for (let i = 0; i < count; i++) {
  new pulumi.dynamic.Resource(provider, `nb-${String(i).padStart(2, "0")}`, {}, {});
}
