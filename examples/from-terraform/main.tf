# The Terraform configuration this example starts from: a team's notebook and an OBS directory mounted into it,
# managed with the huaweicloud provider. It is not run here (no registry serves the huaweicloud provider to this
# machine): make-terraform-notebook.js sends the requests `terraform apply` of this file makes. README.md moves
# both under Pulumi.

terraform {
  required_providers {
    huaweicloud = {
      source = "huaweicloud/huaweicloud"
    }
  }
}

resource "huaweicloud_modelarts_notebook" "analysis" {
  name        = "analysis_tf"
  flavor_id   = "modelarts.vm.cpu.8u"
  image_id    = "e1a07296-22a8-4f05-8bc8-e936c8e54090" # notebook2.0-mul-kernel-cpu-cp36
  description = "analysis notebook"

  volume {
    type = "EVS"
    size = 20
  }
}

resource "huaweicloud_modelarts_notebook_mount_storage" "datasets" {
  notebook_id           = huaweicloud_modelarts_notebook.analysis.id
  storage_path          = "obs://analytics-datasets/raw/"
  local_mount_directory = "/data/datasets/"
}
