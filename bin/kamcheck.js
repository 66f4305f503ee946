#!/usr/bin/env node
import '../dist/kamcheck.js';
