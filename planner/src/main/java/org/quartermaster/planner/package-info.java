/**
 * The allocation planner: the optimal plan of all supply against all needs, explained.
 * The base package is the API ({@link org.quartermaster.planner.Planner}, input and plan records);
 * it depends on the JDK only and knows nothing of the platform, which maps its records to these.
 */
package org.quartermaster.planner;
