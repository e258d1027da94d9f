#!/usr/bin/env node
'use strict';

// breachline runs from its TypeScript sources through tsx's CommonJS hook, so
// there is no build step to forget and Temporal bundles the same workflow
// files the tests exercise.
require('tsx/cjs');
require('../src/cli/main.ts');
