# ZooKernel.NET sample service: HelloPy (see HelloPy.zcfg).
# Builds a welcome message from the literal input "a".
import zoo


def HelloPy(conf, inputs, outputs):
    name = inputs["a"]["value"]
    outputs["Result"]["value"] = "Hello " + name + " from Python World !"
    return zoo.SERVICE_SUCCEEDED
