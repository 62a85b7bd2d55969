/** A module program for the LifecycleDriver tests: its top-level code declares resources and exports outputs. */
import * as pulumi from "@pulumi/pulumi";
import { fakeProvider, Thing } from "../fake-cloud";

const provider = fakeProvider(new pulumi.Config("fake").require("cloud"));
const first = new Thing(provider, "first", { value: "one" });
const second = new Thing(provider, "second", { value: first.id });

export const secondValue = second.value;
